/**
 * The structure of an AWS regex, which has no groups: top-level alternatives, each a sequence of character sets
 * (a literal, `.`, `\d`, `[a-z]`...) with a repetition count, and zero-width assertions. Read with JavaScript's
 * (non-unicode, Annex B) meanings, since V8 has already accepted the same source. Feeds the linear-time matcher
 * and the prefilter's literal extraction.
 */
export type RegexItem =
  | {
      readonly kind: 'set';
      /** Sorted, disjoint, inclusive UTF-16 code unit ranges: [lo0, hi0, lo1, hi1, ...]. */
      readonly ranges: readonly number[];
      readonly min: number;
      /** Infinity for `*`, `+` and `{m,}`. */
      readonly max: number;
    }
  | { readonly kind: 'assert'; readonly which: '^' | '$' | 'b' | 'B' };

export type RegexAlternative = readonly RegexItem[];

const DIGIT = [48, 57];
const WORD = [48, 57, 65, 90, 95, 95, 97, 122];
const SPACE = [9, 13, 32, 32, 160, 160, 5760, 5760, 8192, 8202, 8232, 8233, 8239, 8239, 8287, 8287, 12288, 12288, 65279, 65279];
const DOT = complement([10, 10, 13, 13, 8232, 8233]);
const CONTROL: Readonly<Record<string, number>> = { t: 9, n: 10, v: 11, f: 12, r: 13 };

export function parseRegexSyntax(source: string): RegexAlternative[] {
  const alternatives: RegexItem[][] = [[]];
  let i = 0;
  while (i < source.length) {
    const ch = source.charAt(i);
    const current = alternatives[alternatives.length - 1]!;
    if (ch === '|') {
      alternatives.push([]);
      i++;
      continue;
    }
    if (ch === '^' || ch === '$' || (ch === '\\' && (source.charAt(i + 1) === 'b' || source.charAt(i + 1) === 'B'))) {
      current.push({ kind: 'assert', which: ch === '\\' ? (source.charAt(i + 1) as 'b' | 'B') : ch });
      i += ch === '\\' ? 2 : 1;
      continue;
    }
    let ranges: number[];
    if (ch === '[') [ranges, i] = readClass(source, i + 1);
    else if (ch === '.') [ranges, i] = [DOT, i + 1];
    else if (ch === '\\') [ranges, i] = readEscape(source, i + 1, false);
    else [ranges, i] = [[ch.charCodeAt(0), ch.charCodeAt(0)], i + 1];
    const [min, max, end] = readQuantifier(source, i);
    i = end;
    current.push({ kind: 'set', ranges, min, max });
  }
  return alternatives;
}

/** `?`, `*`, `+`, `{m}`, `{m,}`, `{m,n}`, each possibly lazy; a `{` that is not a quantifier is a literal. */
function readQuantifier(source: string, i: number): [number, number, number] {
  const ch = source.charAt(i);
  let q: [number, number, number] | undefined;
  if (ch === '?') q = [0, 1, i + 1];
  else if (ch === '*') q = [0, Infinity, i + 1];
  else if (ch === '+') q = [1, Infinity, i + 1];
  else if (ch === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (m) q = [Number(m[1]), m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]), i + m[0].length];
  }
  if (q === undefined) return [1, 1, i];
  return source.charAt(q[2]) === '?' ? [q[0], q[1], q[2] + 1] : q;
}

/** Reads after `\`; returns the ranges and the index after the escape. `\b` inside a class is a backspace. */
function readEscape(source: string, i: number, inClass: boolean): [number[], number] {
  const ch = source.charAt(i);
  switch (ch) {
    case 'd':
      return [DIGIT, i + 1];
    case 'D':
      return [complement(DIGIT), i + 1];
    case 'w':
      return [WORD, i + 1];
    case 'W':
      return [complement(WORD), i + 1];
    case 's':
      return [SPACE, i + 1];
    case 'S':
      return [complement(SPACE), i + 1];
    case 'x': {
      const code = parseInt(source.slice(i + 1, i + 3), 16);
      return [[code, code], i + 3];
    }
    default: {
      const code = ch === 'b' && inClass ? 8 : (CONTROL[ch] ?? ch.charCodeAt(0));
      return [[code, code], i + 1];
    }
  }
}

/** Reads a class after `[`; JavaScript reads `[]` as matching nothing and `[^]` as matching anything. */
function readClass(source: string, i: number): [number[], number] {
  const negate = source.charAt(i) === '^';
  if (negate) i++;
  const ranges: number[] = [];
  while (i < source.length && source.charAt(i) !== ']') {
    let single: number[];
    [single, i] = source.charAt(i) === '\\' ? readEscape(source, i + 1, true) : [[source.charCodeAt(i), source.charCodeAt(i)], i + 1];
    const isChar = single.length === 2 && single[0] === single[1];
    if (isChar && source.charAt(i) === '-' && source.charAt(i + 1) !== ']' && i + 1 < source.length) {
      const [high, next] = source.charAt(i + 1) === '\\' ? readEscape(source, i + 2, true) : [[source.charCodeAt(i + 1), source.charCodeAt(i + 1)], i + 2];
      if (high.length === 2 && high[0] === high[1]) {
        ranges.push(single[0]!, high[0]!);
        i = next;
        continue;
      }
    }
    ranges.push(...single);
  }
  const normal = normalize(ranges);
  return [negate ? complement(normal) : normal, i + 1];
}

function normalize(ranges: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let j = 0; j < ranges.length; j += 2) pairs.push([ranges[j]!, ranges[j + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    if (out.length > 0 && lo <= out[out.length - 1]! + 1) out[out.length - 1] = Math.max(out[out.length - 1]!, hi);
    else out.push(lo, hi);
  }
  return out;
}

function complement(ranges: readonly number[]): number[] {
  const out: number[] = [];
  let next = 0;
  for (let j = 0; j < ranges.length; j += 2) {
    if (ranges[j]! > next) out.push(next, ranges[j]! - 1);
    next = ranges[j + 1]! + 1;
  }
  if (next <= 0xffff) out.push(next, 0xffff);
  return out;
}
