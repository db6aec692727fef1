import { MetricMathError } from '../metric-math-error.js';

/**
 * Tokens of metric math. Ids start with a lowercase letter (AWS: "must start with a lowercase letter"); function names
 * and keywords are uppercase words (AWS: "All functions must be written in uppercase letters").
 */
export type MathToken =
  | { readonly type: 'number'; readonly value: number; readonly pos: number }
  | { readonly type: 'string'; readonly value: string; readonly pos: number }
  | { readonly type: 'id'; readonly value: string; readonly pos: number }
  | { readonly type: 'word'; readonly value: string; readonly pos: number }
  | { readonly type: 'punct'; readonly value: string; readonly pos: number }
  | { readonly type: 'end'; readonly pos: number };

const PUNCTUATION = ['==', '!=', '<=', '>=', '&&', '||', '(', ')', '[', ']', ',', '+', '-', '*', '/', '^', '<', '>'];
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const WORD = /^[A-Za-z][A-Za-z0-9_]*/;

export function tokenizeMath(text: string): MathToken[] {
  const tokens: MathToken[] = [];
  let pos = 0;
  while (pos < text.length) {
    const ch = text.charAt(pos);
    if (/\s/.test(ch)) {
      pos++;
      continue;
    }
    const rest = text.slice(pos);
    const number = NUMBER.exec(rest);
    if (number !== null) {
      tokens.push({ type: 'number', value: Number(number[0]), pos });
      pos += number[0].length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word !== null) {
      const lower = ch >= 'a' && ch <= 'z';
      tokens.push({ type: lower ? 'id' : 'word', value: word[0], pos });
      pos += word[0].length;
      continue;
    }
    if (ch === '"' || ch === '\'' || ch === '\u201c') {
      const read = readString(text, pos);
      tokens.push({ type: 'string', value: read.value, pos });
      pos = read.end;
      continue;
    }
    const punct = PUNCTUATION.find((p) => text.startsWith(p, pos));
    if (punct === undefined) throw new MetricMathError(`Unexpected character '${ch}' at position ${pos}`, pos, 'syntax');
    tokens.push({ type: 'punct', value: punct, pos });
    pos += punct.length;
  }
  tokens.push({ type: 'end', pos: text.length });
  return tokens;
}

/**
 * A quoted string. Only `\'` (or `\"`, matching the opening quote) is an escape: any other backslash stays in the
 * value, because SEARCH has its own escapes inside the string (AWS's example `"Europe\\France Traffic\(Network\)"`).
 * AWS's docs also show typographic quotes (`METRICS(“4xx”)`), accepted as a pair.
 */
function readString(text: string, start: number): { value: string; end: number } {
  const open = text.charAt(start);
  const close = open === '\u201c' ? '\u201d' : open;
  let value = '';
  let pos = start + 1;
  while (pos < text.length) {
    const ch = text.charAt(pos);
    if (ch === '\\' && text.charAt(pos + 1) === close) {
      value += close;
      pos += 2;
    } else if (ch === close) {
      return { value, end: pos + 1 };
    } else {
      value += ch;
      pos++;
    }
  }
  throw new MetricMathError(`Unterminated string starting at position ${start}`, start, 'syntax');
}
