import type { PeriodUnit, Span } from './ast.js';
import { QuerySyntaxError } from './query-syntax-error.js';

/**
 * Tokens of the Logs Insights language, read one at a time: whether `/` starts a regex or divides depends on what
 * the parser expects, so the parser asks for each token and says whether a regex may start here.
 */
export type Token =
  | { readonly type: 'name'; readonly value: string; readonly quoted: boolean; readonly span: Span }
  | { readonly type: 'number'; readonly value: number; readonly span: Span }
  | { readonly type: 'period'; readonly amount: number; readonly unit: PeriodUnit; readonly span: Span }
  | { readonly type: 'string'; readonly value: string; readonly span: Span }
  | { readonly type: 'regex'; readonly pattern: string; readonly span: Span }
  | { readonly type: 'punct'; readonly value: string; readonly span: Span }
  | { readonly type: 'end'; readonly span: Span };

const PUNCTUATION = ['!=', '<=', '>=', '=~', '=', '<', '>', '+', '-', '*', '/', '%', '^', '(', ')', '[', ']', ',', '|', ':'];
const NAME_CHAR = /[A-Za-z0-9_@.$]/;
const NAME_START = /[A-Za-z_@$]/;
const NUMBER = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const PERIOD_UNITS: readonly PeriodUnit[] = ['ms', 'mo', 's', 'm', 'h', 'd', 'w', 'q', 'y'];
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" };

/** Skips whitespace and `#` comments (to the end of the line). */
export function skipTrivia(text: string, from: number): number {
  let pos = from;
  while (pos < text.length) {
    const ch = text.charAt(pos);
    if (ch === '#') {
      const newline = text.indexOf('\n', pos);
      pos = newline < 0 ? text.length : newline + 1;
    } else if (/\s/.test(ch)) pos++;
    else break;
  }
  return pos;
}

export function readToken(text: string, from: number, regexAllowed: boolean): Token {
  const start = skipTrivia(text, from);
  if (start >= text.length) return { type: 'end', span: { start: text.length, end: text.length } };
  const ch = text.charAt(start);
  if (/\d/.test(ch)) return readNumber(text, start);
  if (NAME_START.test(ch) || ch === '`') return readName(text, start);
  if (ch === '"' || ch === "'") return readString(text, start);
  if (ch === '/' && regexAllowed) return readRegex(text, start);
  const punct = PUNCTUATION.find((p) => text.startsWith(p, start));
  if (punct === undefined) throw new QuerySyntaxError(`token recognition error at: '${ch}'`, { start, end: start + 1 });
  return { type: 'punct', value: punct, span: { start, end: start + punct.length } };
}

function readNumber(text: string, start: number): Token {
  const digits = NUMBER.exec(text.slice(start))?.[0] ?? '';
  let end = start + digits.length;
  const unit = PERIOD_UNITS.find((u) => text.startsWith(u, end) && !NAME_CHAR.test(text.charAt(end + u.length)));
  if (unit !== undefined && !digits.includes('e') && !digits.includes('E')) {
    end += unit.length;
    return { type: 'period', amount: Number(digits), unit, span: { start, end } };
  }
  if (NAME_CHAR.test(text.charAt(end))) {
    throw new QuerySyntaxError(`token recognition error at: '${text.slice(start, end + 1)}'`, { start, end: end + 1 });
  }
  return { type: 'number', value: Number(digits), span: { start, end } };
}

/** A field name: plain characters and backtick-quoted runs, e.g. `` @`aws.tag.stack-name` `` or `` a.`b-c`.d ``. */
function readName(text: string, start: number): Token {
  let value = '';
  let quoted = false;
  let pos = start;
  while (pos < text.length) {
    const ch = text.charAt(pos);
    if (ch === '`') {
      const close = text.indexOf('`', pos + 1);
      if (close < 0) throw new QuerySyntaxError('token recognition error at: \'`\' (unterminated backtick name)', { start: pos, end: text.length });
      value += text.slice(pos + 1, close);
      quoted = true;
      pos = close + 1;
    } else if (NAME_CHAR.test(ch)) {
      value += ch;
      pos++;
    } else break;
  }
  return { type: 'name', value, quoted, span: { start, end: pos } };
}

function readString(text: string, start: number): Token {
  const quote = text.charAt(start);
  let value = '';
  let pos = start + 1;
  while (pos < text.length) {
    const ch = text.charAt(pos);
    if (ch === '\\' && pos + 1 < text.length) {
      const next = text.charAt(pos + 1);
      value += ESCAPES[next] ?? `\\${next}`;
      pos += 2;
    } else if (ch === quote) {
      return { type: 'string', value, span: { start, end: pos + 1 } };
    } else {
      value += ch;
      pos++;
    }
  }
  throw new QuerySyntaxError(`token recognition error at: '${text.slice(start)}' (unterminated string)`, { start, end: text.length });
}

/** `/.../`: only `\/` is unescaped here; every other escape belongs to the regex itself. */
function readRegex(text: string, start: number): Token {
  let pattern = '';
  let pos = start + 1;
  while (pos < text.length) {
    const ch = text.charAt(pos);
    if (ch === '\\' && text.charAt(pos + 1) === '/') {
      pattern += '/';
      pos += 2;
    } else if (ch === '\\' && pos + 1 < text.length) {
      pattern += text.slice(pos, pos + 2);
      pos += 2;
    } else if (ch === '/') {
      return { type: 'regex', pattern, span: { start, end: pos + 1 } };
    } else {
      pattern += ch;
      pos++;
    }
  }
  throw new QuerySyntaxError(`token recognition error at: '${text.slice(start)}' (unterminated regex)`, { start, end: text.length });
}

/** How a token reads in an error message, as ANTLR shows it. */
export function tokenText(text: string, token: Token): string {
  return token.type === 'end' ? '<EOF>' : text.slice(token.span.start, token.span.end);
}
