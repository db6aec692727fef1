import type { RegexAlternative, RegexItem } from './regex-syntax.js';

const CHAR = 0;
const SPLIT = 1;
const ASSERT = 2;
const ACCEPT = 3;
const ASSERT_CODES = { '^': 0, $: 1, b: 2, B: 3 } as const;

/** More states than this (huge `{m,n}` counts) and the pattern is rejected as too complex. */
export const MAX_NFA_STATES = 10_000;

/**
 * A Thompson NFA for a group-free regex, searched in one left-to-right pass: time O(text length x states) whatever
 * the pattern, where a backtracking engine can take O(n^k) (V8 needs minutes for `\d+x` on 100 KB of digits). The
 * program is immutable; the thread lists live in module scratch buffers shared by all NFAs (matching never re-enters).
 */
export class Nfa {
  private readonly kind: Uint8Array;
  private readonly out1: Int32Array;
  private readonly out2: Int32Array;
  /** CHAR: index into `sets`; ASSERT: one of ASSERT_CODES. */
  private readonly arg: Int32Array;
  private readonly sets: readonly CharSet[];
  private readonly start: number;
  private readonly anchored: boolean;

  constructor(alternatives: readonly RegexAlternative[]) {
    const b = new Builder();
    const accept = b.add(ACCEPT, -1, -1, 0);
    const heads = alternatives.map((items) => items.reduceRight((next, item) => b.item(item, next), accept));
    this.start = heads.slice(1).reduce((rest, head) => b.add(SPLIT, head, rest, 0), heads[0] ?? accept);
    this.anchored = alternatives.every((items) => items[0]?.kind === 'assert' && items[0].which === '^');
    this.kind = Uint8Array.from(b.kind);
    this.out1 = Int32Array.from(b.out1);
    this.out2 = Int32Array.from(b.out2);
    this.arg = Int32Array.from(b.arg);
    this.sets = b.sets;
  }

  get stateCount(): number {
    return this.kind.length;
  }

  test(text: string): boolean {
    ensureScratch(this.kind.length);
    let current = scratch.a;
    let next = scratch.b;
    let count = 0;
    const n = text.length;
    stamp();
    count = this.follow(this.start, 0, text, current, count);
    if (count < 0) return true;
    for (let pos = 0; pos < n; pos++) {
      const ch = text.charCodeAt(pos);
      stamp();
      let nextCount = 0;
      for (let t = 0; t < count; t++) {
        const s = current[t]!;
        if (this.sets[this.arg[s]!]!.has(ch)) {
          nextCount = this.follow(this.out1[s]!, pos + 1, text, next, nextCount);
          if (nextCount < 0) return true;
        }
      }
      if (!this.anchored) {
        nextCount = this.follow(this.start, pos + 1, text, next, nextCount);
        if (nextCount < 0) return true;
      } else if (nextCount === 0) {
        return false;
      }
      const swap = current;
      current = next;
      next = swap;
      count = nextCount;
    }
    return false;
  }

  /** Adds `state` and its epsilon closure at `pos` to `list`; returns the new length, or -1 on reaching ACCEPT. */
  private follow(state: number, pos: number, text: string, list: Int32Array, length: number): number {
    const stack = scratch.stack;
    let top = 0;
    stack[top++] = state;
    while (top > 0) {
      const s = stack[--top]!;
      if (scratch.seen[s] === scratch.generation) continue;
      scratch.seen[s] = scratch.generation;
      const kind = this.kind[s];
      if (kind === CHAR) list[length++] = s;
      else if (kind === ACCEPT) return -1;
      else if (kind === SPLIT) {
        stack[top++] = this.out2[s]!;
        stack[top++] = this.out1[s]!;
      } else if (holds(this.arg[s]!, pos, text)) stack[top++] = this.out1[s]!;
    }
    return length;
  }
}

function holds(code: number, pos: number, text: string): boolean {
  if (code === ASSERT_CODES['^']) return pos === 0;
  if (code === ASSERT_CODES.$) return pos === text.length;
  const boundary = isWord(text.charCodeAt(pos - 1)) !== isWord(text.charCodeAt(pos));
  return code === ASSERT_CODES.b ? boundary : !boundary;
}

function isWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95 || (c >= 97 && c <= 122);
}

/** A character set: an ASCII bitmap for the common case, the ranges above it. */
class CharSet {
  private readonly ascii = new Uint8Array(128);
  private readonly high: Int32Array;

  constructor(ranges: readonly number[]) {
    const high: number[] = [];
    for (let j = 0; j < ranges.length; j += 2) {
      const lo = ranges[j]!;
      const hi = ranges[j + 1]!;
      for (let c = lo; c <= Math.min(hi, 127); c++) this.ascii[c] = 1;
      if (hi >= 128) high.push(Math.max(lo, 128), hi);
    }
    this.high = Int32Array.from(high);
  }

  has(c: number): boolean {
    if (c < 128) return this.ascii[c] === 1;
    for (let j = 0; j < this.high.length; j += 2) if (c >= this.high[j]! && c <= this.high[j + 1]!) return true;
    return false;
  }
}

class Builder {
  readonly kind: number[] = [];
  readonly out1: number[] = [];
  readonly out2: number[] = [];
  readonly arg: number[] = [];
  readonly sets: CharSet[] = [];

  add(kind: number, out1: number, out2: number, arg: number): number {
    if (this.kind.length >= MAX_NFA_STATES) throw new RangeError('regular expression too complex');
    this.kind.push(kind);
    this.out1.push(out1);
    this.out2.push(out2);
    this.arg.push(arg);
    return this.kind.length - 1;
  }

  /** Thompson construction, built back to front: `x{m,n}` is m copies of x, then n-m nested optional copies. */
  item(item: RegexItem, next: number): number {
    if (item.kind === 'assert') return this.add(ASSERT, next, -1, ASSERT_CODES[item.which]);
    this.sets.push(new CharSet(item.ranges));
    const set = this.sets.length - 1;
    let k = next;
    if (item.max === Infinity) {
      const loop = this.add(SPLIT, -1, next, 0);
      this.out1[loop] = this.add(CHAR, loop, -1, set);
      k = loop;
    } else {
      for (let j = item.min; j < item.max; j++) k = this.add(SPLIT, this.add(CHAR, k, -1, set), next, 0);
    }
    for (let j = 0; j < item.min; j++) k = this.add(CHAR, k, -1, set);
    return k;
  }
}

const scratch = { a: new Int32Array(64), b: new Int32Array(64), stack: new Int32Array(128), seen: new Int32Array(64), generation: 0 };

function ensureScratch(states: number): void {
  if (scratch.seen.length >= states) return;
  const size = Math.max(states, scratch.seen.length * 2);
  scratch.a = new Int32Array(size);
  scratch.b = new Int32Array(size);
  scratch.stack = new Int32Array(size * 2 + 2);
  scratch.seen = new Int32Array(size);
  scratch.generation = 0;
}

function stamp(): void {
  if (++scratch.generation > 0x3fffffff) {
    scratch.seen.fill(0);
    scratch.generation = 1;
  }
}
