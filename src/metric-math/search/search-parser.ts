import { MetricMathError } from '../metric-math-error.js';
import type { SearchQuery, SearchSchema, SearchTerm } from './search-ast.js';
import type { SearchToken } from './search-lexer.js';
import { readQuoted, tokenizeSearchTerm } from './search-lexer.js';

/** AWS: "The maximum search expression query size is 1024 characters." */
export const MAX_SEARCH_EXPRESSION_LENGTH = 1024;

/**
 * Parses the text inside `SEARCH('...')`: ` {Namespace, Dim1, ...} SearchTerm `. `base` is where the text starts in the
 * caller's expression, so error positions point into the whole MetricDataQuery expression.
 */
export function parseSearchQuery(text: string, base = 0): SearchQuery {
  if (text.length > MAX_SEARCH_EXPRESSION_LENGTH) {
    const message = `The search expression is ${text.length} characters long; the maximum is ${MAX_SEARCH_EXPRESSION_LENGTH}`;
    throw new MetricMathError(message, base, 'validation');
  }
  let pos = skipSpace(text, 0);
  let schema: SearchSchema | undefined;
  if (text.charAt(pos) === '{') {
    const read = readSchema(text, pos, base);
    schema = read.schema;
    pos = skipSpace(text, read.end);
    // AWS's own examples write `{MyNamespace}, "CustomCount1"`: a comma may follow the schema.
    if (text.charAt(pos) === ',') pos++;
  }
  const tokens = tokenizeSearchTerm(text, pos, base);
  const parser = new TermParser(tokens);
  const term = tokens.length > 1 ? parser.parseAll() : undefined;
  if (schema === undefined && term === undefined) {
    const message = 'A search expression needs a metric schema in braces, a search term, or both';
    throw new MetricMathError(message, base, 'validation');
  }
  return { schema, term };
}

function skipSpace(text: string, pos: number): number {
  while (pos < text.length && /\s/.test(text.charAt(pos))) pos++;
  return pos;
}

/** `{AWS/EC2, InstanceId}` or `{"My Namespace", "Dimension@Name"}`: names are quoted when not alphanumeric. */
function readSchema(text: string, open: number, base: number): { schema: SearchSchema; end: number } {
  const names: string[] = [];
  let pos = open + 1;
  for (;;) {
    pos = skipSpace(text, pos);
    let name: string;
    if (text.charAt(pos) === '"') {
      const read = readQuoted(text, pos, base);
      name = read.value;
      pos = read.end;
    } else {
      const start = pos;
      while (pos < text.length && !',}"'.includes(text.charAt(pos))) pos++;
      name = text.slice(start, pos).trim();
    }
    if (name === '') throw schemaError(names.length === 0 ? 'a namespace' : 'a dimension name', base + pos);
    names.push(name);
    pos = skipSpace(text, pos);
    const ch = text.charAt(pos);
    if (ch === '}') break;
    if (ch !== ',') throw schemaError("',' or '}'", base + pos);
    pos++;
  }
  const [namespace = '', ...dimensionNames] = names;
  return { schema: { namespace, dimensionNames }, end: pos + 1 };
}

function schemaError(expected: string, pos: number): MetricMathError {
  return new MetricMathError(`Invalid metric schema in search expression: expected ${expected} at position ${pos}`, pos, 'syntax');
}

/** OR binds loosest, then AND (explicit or implicit), then NOT. */
class TermParser {
  private index = 0;

  constructor(private readonly tokens: readonly SearchToken[]) {}

  parseAll(): SearchTerm {
    const term = this.parseOr();
    const rest = this.peek();
    if (rest.type !== 'end') throw this.unexpected(rest);
    return term;
  }

  private peek(offset = 0): SearchToken {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as SearchToken;
  }

  private isOperator(token: SearchToken, op: string): boolean {
    return token.type === 'word' && token.value === op;
  }

  private parseOr(): SearchTerm {
    let left = this.parseAnd();
    while (this.isOperator(this.peek(), 'OR')) {
      this.index++;
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): SearchTerm {
    let left = this.parseNot();
    for (;;) {
      const token = this.peek();
      if (this.isOperator(token, 'AND')) this.index++;
      else if (token.type === 'end' || this.isOperator(token, 'OR') || (token.type === 'punct' && token.value === ')')) return left;
      left = { kind: 'and', left, right: this.parseNot() };
    }
  }

  private parseNot(): SearchTerm {
    if (!this.isOperator(this.peek(), 'NOT')) return this.parsePrimary();
    this.index++;
    return { kind: 'not', operand: this.parseNot() };
  }

  private parsePrimary(): SearchTerm {
    const token = this.peek();
    this.index++;
    if (token.type === 'punct' && token.value === '(') {
      const inner = this.parseOr();
      const close = this.peek();
      if (close.type !== 'punct' || close.value !== ')') throw this.unexpected(close, "expected ')'");
      this.index++;
      return inner;
    }
    if (token.type !== 'word' && token.type !== 'quoted') throw this.unexpected(token, 'expected a search term');
    if (token.type === 'word' && ['AND', 'OR'].includes(token.value)) throw this.unexpected(token, 'expected a search term');
    const eq = this.peek();
    if (eq.type === 'punct' && eq.value === '=') return this.parseProperty(token.value);
    return token.type === 'quoted' ? { kind: 'exact', text: token.value } : { kind: 'partial', text: token.value };
  }

  private parseProperty(name: string): SearchTerm {
    this.index++;
    const value = this.peek();
    if (value.type !== 'word' && value.type !== 'quoted') throw this.unexpected(value, `expected a value for ${name}`);
    this.index++;
    return { kind: 'property', name, value: value.value, exact: value.type === 'quoted' };
  }

  private unexpected(token: SearchToken, hint?: string): MetricMathError {
    const what = token.type === 'end' ? 'end of search expression' : `'${token.value}'`;
    const suffix = hint === undefined ? '' : ` (${hint})`;
    return new MetricMathError(`Unexpected ${what} in search expression at position ${token.pos}${suffix}`, token.pos, 'syntax');
  }
}
