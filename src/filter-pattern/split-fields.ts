/** Start and end offsets of the fields of the last message split; reused, so read it before the next split. */
export interface FieldBounds {
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

const scratch = { count: 0, starts: new Int32Array(64), ends: new Int32Array(64) };

/**
 * Splits an event the way space-delimited patterns see it: fields are separated by runs of whitespace, and text
 * between `[` and `]` or between double quotes counts as one field, without its delimiters (AWS:
 * `[10/Oct/2000:13:25:15 -0700]` extracts as `10/Oct/2000:13:25:15 -0700`). A field keeps its text verbatim, so it
 * is always a substring of the message. An unclosed `[` or `"` is an ordinary character.
 *
 * Writes offsets into a shared scratch buffer instead of allocating strings: most events fail on the field count or
 * one condition, so only the fields a pattern reads are ever sliced out.
 */
export function splitFields(message: string): FieldBounds {
  const n = message.length;
  let count = 0;
  let i = 0;
  for (;;) {
    while (i < n && isSeparator(message.charCodeAt(i))) i++;
    if (i >= n) break;
    let start = i;
    let end: number;
    const c = message.charCodeAt(i);
    const close = c === 34 /* " */ ? closingQuote(message, i + 1) : c === 91 /* [ */ ? message.indexOf(']', i + 1) : -1;
    if (close >= 0) {
      start = i + 1;
      end = close;
      i = close + 1;
    } else {
      while (i < n && !isSeparator(message.charCodeAt(i))) i++;
      end = i;
    }
    if (count === scratch.starts.length) grow();
    scratch.starts[count] = start;
    scratch.ends[count] = end;
    count++;
  }
  scratch.count = count;
  return scratch;
}

/** The fields as strings, for tests and tools; matching uses `splitFields`. */
export function fieldTexts(message: string): string[] {
  const bounds = splitFields(message);
  const out: string[] = [];
  for (let i = 0; i < bounds.count; i++) out.push(message.slice(bounds.starts[i], bounds.ends[i]));
  return out;
}

function closingQuote(message: string, from: number): number {
  for (let i = from; i < message.length; i++) {
    const c = message.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 34) return i;
  }
  return -1;
}

function isSeparator(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function grow(): void {
  const starts = new Int32Array(scratch.starts.length * 2);
  const ends = new Int32Array(scratch.ends.length * 2);
  starts.set(scratch.starts);
  ends.set(scratch.ends);
  scratch.starts = starts;
  scratch.ends = ends;
}
