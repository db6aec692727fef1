/**
 * JSON strings as UTF-8 bytes, for readers that take strings straight from a request body (put-log-events-body.ts):
 * which bytes end a run of plain ones, and what the escapes stand for. Anything these cannot read exactly as
 * JSON.parse would, they decline by throwing DECLINED.
 */

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;

/** Thrown for anything left to the general path (JSON.parse); the reader catches it, so it never escapes. */
class Declined extends Error {}
export const DECLINED = new Declined();

/**
 * Whether any of a little-endian word's four bytes is a control byte, a quote or a backslash: the bytes that end a
 * run of plain message bytes. Each term is the classic exact test for "some byte is below n" (here n = 0x20, or
 * 1 after an XOR that zeroes the byte looked for); bytes of 0x80 and up never set it.
 */
export function endsPlainRun(word: number): boolean {
  const quote = word ^ 0x22222222;
  const backslash = word ^ 0x5c5c5c5c;
  const below = ((word - 0x20202020) & ~word) | ((quote - 0x01010101) & ~quote) | ((backslash - 0x01010101) & ~backslash);
  return (below & 0x80808080) !== 0;
}

/** What each simple escape's letter stands for (`\n` is 0x0a), 0 for any other byte. */
export const SIMPLE_ESCAPES = new Uint8Array(256);
for (const [letter, byte] of [[QUOTE, QUOTE], [BACKSLASH, BACKSLASH], [0x2f, 0x2f], [0x62, 0x08], [0x66, 0x0c], [0x6e, 0x0a], [0x72, 0x0d], [0x74, 0x09]] as const) {
  SIMPLE_ESCAPES[letter] = byte;
}

/**
 * The code point of the `\u` escape at `at` (its backslash), a surrogate pair read as one. A lone surrogate is
 * declined: JSON.parse keeps it and UTF-8 encoding turns it into U+FFFD, which only the general path reproduces.
 */
export function unicodeEscape(bytes: Uint8Array, at: number): number {
  if (bytes[at + 1] !== 0x75) throw DECLINED;
  const unit = hexUnit(bytes, at + 2);
  if (unit >= 0xdc00 && unit <= 0xdfff) throw DECLINED;
  if (unit < 0xd800 || unit > 0xdbff) return unit;
  if (bytes[at + 6] !== BACKSLASH || bytes[at + 7] !== 0x75) throw DECLINED;
  const low = hexUnit(bytes, at + 8);
  if (low < 0xdc00 || low > 0xdfff) throw DECLINED;
  return 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
}

/** Bytes of JSON text a `\u` escape of this code point takes: a surrogate pair's two escapes above U+FFFF. */
export function escapeWidth(codePoint: number): number {
  return codePoint >= 0x10000 ? 12 : 6;
}

function hexUnit(bytes: Uint8Array, at: number): number {
  let unit = 0;
  for (let i = 0; i < 4; i++) {
    const byte = bytes[at + i] ?? 0;
    const digit = byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : byte >= 0x61 && byte <= 0x66 ? byte - 0x57 : byte >= 0x41 && byte <= 0x46 ? byte - 0x37 : -1;
    if (digit < 0) throw DECLINED;
    unit = unit * 16 + digit;
  }
  return unit;
}

export function writeUtf8(bytes: Uint8Array, at: number, codePoint: number): number {
  if (codePoint < 0x80) {
    bytes[at] = codePoint;
    return at + 1;
  }
  if (codePoint < 0x800) {
    bytes[at] = 0xc0 | (codePoint >> 6);
    bytes[at + 1] = 0x80 | (codePoint & 0x3f);
    return at + 2;
  }
  if (codePoint < 0x10000) {
    bytes[at] = 0xe0 | (codePoint >> 12);
    bytes[at + 1] = 0x80 | ((codePoint >> 6) & 0x3f);
    bytes[at + 2] = 0x80 | (codePoint & 0x3f);
    return at + 3;
  }
  bytes[at] = 0xf0 | (codePoint >> 18);
  bytes[at + 1] = 0x80 | ((codePoint >> 12) & 0x3f);
  bytes[at + 2] = 0x80 | ((codePoint >> 6) & 0x3f);
  bytes[at + 3] = 0x80 | (codePoint & 0x3f);
  return at + 4;
}
