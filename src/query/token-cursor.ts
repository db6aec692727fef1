import type { Span } from './ast.js';
import { readToken, tokenText, type Token } from './lexer.js';
import { QuerySyntaxError } from './query-syntax-error.js';

/** The parser's view of the text: one token of lookahead, lexed in the mode the parser asks for. */
export class TokenCursor {
  private pos = 0;
  private cached: { readonly pos: number; readonly regex: boolean; readonly token: Token } | undefined;

  constructor(readonly text: string) {}

  peek(regexAllowed = false): Token {
    const cached = this.cached;
    if (cached !== undefined && cached.pos === this.pos && cached.regex === regexAllowed) return cached.token;
    const token = readToken(this.text, this.pos, regexAllowed);
    this.cached = { pos: this.pos, regex: regexAllowed, token };
    return token;
  }

  /** The token after the next one (two tokens of lookahead, for `parse logfmt as m` against a field named logfmt). */
  peekAfter(regexAllowed = false): Token {
    return readToken(this.text, this.peek(regexAllowed).span.end, regexAllowed);
  }

  /** Goes back to an offset this cursor returned earlier (`addtotals row, col` are fields, not options). */
  rewind(offset: number): void {
    this.pos = offset;
  }

  next(regexAllowed = false): Token {
    const token = this.peek(regexAllowed);
    this.pos = token.span.end;
    return token;
  }

  /** The end offset of the last token consumed. */
  get offset(): number {
    return this.pos;
  }

  isPunct(value: string): boolean {
    const token = this.peek();
    return token.type === 'punct' && token.value === value;
  }

  /** A bare (unquoted) name equal to `word`, case-insensitively: keywords are words the user did not backtick. */
  isWord(word: string): boolean {
    const token = this.peek();
    return token.type === 'name' && !token.quoted && token.value.toLowerCase() === word;
  }

  acceptPunct(value: string): boolean {
    if (!this.isPunct(value)) return false;
    this.next();
    return true;
  }

  acceptWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.next();
    return true;
  }

  expectPunct(value: string): Token {
    if (!this.isPunct(value)) throw this.mismatch(`'${value}'`);
    return this.next();
  }

  expectWord(word: string): Token {
    if (!this.isWord(word)) throw this.mismatch(`'${word}'`);
    return this.next();
  }

  /** ANTLR's wording: `mismatched input 'x' expecting {a, b}`, pointing at the token found. */
  mismatch(expected: string, regexAllowed = false): QuerySyntaxError {
    const token = this.peek(regexAllowed);
    return new QuerySyntaxError(`mismatched input '${tokenText(this.text, token)}' expecting ${expected}`, spanOf(token));
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }
}

function spanOf(token: Token): Span {
  return token.type === 'end' ? { start: Math.max(0, token.span.start - 1), end: token.span.end } : token.span;
}
