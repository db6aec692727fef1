import { MetricMathError } from '../metric-math-error.js';

/**
 * Tokens of a search term. Unquoted words run until whitespace or one of `( ) " =`, so `i-0abc`, `t2.micro` and
 * `network/errors` are single words; `AND`, `OR`, `NOT` are operators only in uppercase (AWS: "Boolean operators are
 * case sensitive"). Positions are offsets into the caller's text (`base` + index).
 */
export type SearchToken =
  | { readonly type: 'word'; readonly value: string; readonly pos: number }
  | { readonly type: 'quoted'; readonly value: string; readonly pos: number }
  | { readonly type: 'punct'; readonly value: '(' | ')' | '='; readonly pos: number }
  | { readonly type: 'end'; readonly pos: number };

const STOP = new Set(['(', ')', '"', '=']);

export function tokenizeSearchTerm(text: string, start: number, base: number): SearchToken[] {
  const tokens: SearchToken[] = [];
  let pos = start;
  while (pos < text.length) {
    const ch = text.charAt(pos);
    if (/\s/.test(ch)) {
      pos++;
    } else if (ch === '(' || ch === ')' || ch === '=') {
      tokens.push({ type: 'punct', value: ch, pos: base + pos });
      pos++;
    } else if (ch === '"') {
      const read = readQuoted(text, pos, base);
      tokens.push({ type: 'quoted', value: read.value, pos: base + pos });
      pos = read.end;
    } else {
      let end = pos;
      while (end < text.length && !STOP.has(text.charAt(end)) && !/\s/.test(text.charAt(end))) end++;
      tokens.push({ type: 'word', value: text.slice(pos, end), pos: base + pos });
      pos = end;
    }
  }
  tokens.push({ type: 'end', pos: base + text.length });
  return tokens;
}

/**
 * A double-quoted name or exact term. AWS: `"`, `\`, `(` and `)` must be escaped with a backslash inside it; any other
 * backslash is kept as written.
 */
export function readQuoted(text: string, start: number, base: number): { value: string; end: number } {
  let value = '';
  let pos = start + 1;
  while (pos < text.length) {
    const ch = text.charAt(pos);
    const next = text.charAt(pos + 1);
    if (ch === '\\' && '"\\()'.includes(next) && next !== '') {
      value += next;
      pos += 2;
    } else if (ch === '"') {
      return { value, end: pos + 1 };
    } else {
      value += ch;
      pos++;
    }
  }
  throw new MetricMathError(`Unterminated quoted term in search expression at position ${base + start}`, base + start, 'syntax');
}
