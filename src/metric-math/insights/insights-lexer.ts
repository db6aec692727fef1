import { MetricMathError } from '../metric-math-error.js';

/**
 * Tokens of Metrics Insights. Keywords are case-insensitive and come out uppercased as `keyword`; identifiers
 * (namespaces, metric names, label keys) are case-sensitive, bare (`[A-Za-z_][A-Za-z0-9_]*`) or double-quoted; label
 * values are single-quoted. Inside either quote a backslash escapes the next character (AWS: `"Bytes\"Input\""`).
 */
export type InsightsToken =
  | { readonly type: 'keyword'; readonly value: string; readonly pos: number }
  | { readonly type: 'identifier'; readonly value: string; readonly quoted: boolean; readonly pos: number }
  | { readonly type: 'string'; readonly value: string; readonly pos: number }
  | { readonly type: 'number'; readonly value: number; readonly pos: number }
  | { readonly type: 'punct'; readonly value: string; readonly pos: number }
  | { readonly type: 'end'; readonly pos: number };

/** The grammar's own words: a bare identifier may not be one of them (quote it instead). */
export const INSIGHTS_KEYWORDS = new Set([
  'SELECT', 'FROM', 'SCHEMA', 'WHERE', 'AND', 'OR', 'GROUP', 'BY', 'ORDER', 'ASC', 'DESC', 'LIMIT',
]);

const PUNCTUATION = ['!=', '(', ')', ',', '='];

/** A bare identifier; dotted forms name AWS's own labels (`AWS.AccountId` in cross-account queries). */
export const WORD = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/;

export function tokenizeInsights(text: string): InsightsToken[] {
  const tokens: InsightsToken[] = [];
  let pos = 0;
  while (pos < text.length) {
    const ch = text.charAt(pos);
    const rest = text.slice(pos);
    const word = WORD.exec(rest);
    const number = /^\d+/.exec(rest);
    if (/\s/.test(ch)) {
      pos++;
    } else if (word !== null) {
      const upper = word[0].toUpperCase();
      const isKeyword = INSIGHTS_KEYWORDS.has(upper);
      tokens.push(isKeyword ? { type: 'keyword', value: upper, pos } : { type: 'identifier', value: word[0], quoted: false, pos });
      pos += word[0].length;
    } else if (number !== null) {
      tokens.push({ type: 'number', value: Number(number[0]), pos });
      pos += number[0].length;
    } else if (ch === '"' || ch === '\'') {
      const read = readQuoted(text, pos);
      tokens.push(ch === '"' ? { type: 'identifier', value: read.value, quoted: true, pos } : { type: 'string', value: read.value, pos });
      pos = read.end;
    } else {
      const punct = PUNCTUATION.find((p) => text.startsWith(p, pos));
      if (punct === undefined) throw new MetricMathError(`Unexpected character '${ch}' at position ${pos}`, pos, 'syntax');
      tokens.push({ type: 'punct', value: punct, pos });
      pos += punct.length;
    }
  }
  tokens.push({ type: 'end', pos: text.length });
  return tokens;
}

function readQuoted(text: string, start: number): { value: string; end: number } {
  const quote = text.charAt(start);
  let value = '';
  let pos = start + 1;
  while (pos < text.length) {
    const ch = text.charAt(pos);
    if (ch === '\\' && pos + 1 < text.length) {
      value += text.charAt(pos + 1);
      pos += 2;
    } else if (ch === quote) {
      return { value, end: pos + 1 };
    } else {
      value += ch;
      pos++;
    }
  }
  throw new MetricMathError(`Unterminated quoted text starting at position ${start}`, start, 'syntax');
}
