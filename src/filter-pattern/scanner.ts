import type { RegexValue } from './ast.js';
import { FilterPatternError } from './filter-pattern-error.js';
import { compileAwsRegex } from './regex.js';

/** AWS: "There is a limit of 2 regex for each filter pattern". */
export const MAX_REGEXES_PER_PATTERN = 2;

/**
 * A cursor over the pattern text shared by the three family parsers. The grammar is context dependent (a bare word is
 * a term, a field name or a value depending on where it stands), so the parsers read characters through this rather
 * than through a token stream. Positions are offsets into the original, untrimmed text.
 */
export class Scanner {
  pos = 0;
  private regexCount = 0;

  constructor(readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  peek(offset = 0): string {
    return this.text.charAt(this.pos + offset);
  }

  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  skipSpace(): void {
    while (this.pos < this.text.length && isSpace(this.text.charCodeAt(this.pos))) this.pos++;
  }

  /** Skips whitespace, then consumes `s` if it comes next. */
  accept(s: string): boolean {
    this.skipSpace();
    if (!this.startsWith(s)) return false;
    this.pos += s.length;
    return true;
  }

  expect(s: string, context: string): void {
    if (!this.accept(s)) this.fail(`Expected '${s}' ${context} but found ${this.describeNext()}`);
  }

  /** Reads the characters from here that satisfy `ok` (possibly none). */
  readWhile(ok: (ch: string) => boolean): string {
    const start = this.pos;
    while (this.pos < this.text.length && ok(this.text.charAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** Reads `"..."`, where `\"` and `\\` are escapes (as AWS CDK writes them); any other backslash is kept. */
  readQuoted(): string {
    const start = this.pos;
    this.pos++; // opening quote
    let out = '';
    while (this.pos < this.text.length) {
      const ch = this.text.charAt(this.pos);
      if (ch === '"') {
        this.pos++;
        return out;
      }
      const next = this.text.charAt(this.pos + 1);
      if (ch === '\\' && (next === '"' || next === '\\')) {
        out += next;
        this.pos += 2;
      } else {
        out += ch;
        this.pos++;
      }
    }
    return this.fail('Unterminated quoted string: add the closing \'"\'', start);
  }

  /** Reads `%regex%`, validating AWS's regex dialect and the per-pattern regex quota. */
  readRegex(): RegexValue {
    const start = this.pos;
    const end = this.text.indexOf('%', start + 1);
    if (end < 0) this.fail("Unterminated regular expression: a regex must be enclosed in '%' signs", start);
    this.regexCount++;
    if (this.regexCount > MAX_REGEXES_PER_PATTERN) {
      this.fail(`A filter pattern can contain at most ${MAX_REGEXES_PER_PATTERN} regular expressions`, start);
    }
    const source = this.text.slice(start + 1, end);
    const regex = compileAwsRegex(source, start + 1);
    this.pos = end + 1;
    return { kind: 'regex', source, regex };
  }

  describeNext(): string {
    if (this.atEnd()) return 'the end of the pattern';
    return `'${this.text.slice(this.pos, this.pos + 12)}'`;
  }

  fail(message: string, at: number = this.pos): never {
    throw new FilterPatternError(message, at);
  }
}

export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}
