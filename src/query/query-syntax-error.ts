import type { Span } from './ast.js';

/**
 * A query the language refuses, with the span of the offending text. The Logs service maps it once, at its edge, to
 * `MalformedQueryException` with `queryCompileError.location` {startCharOffset, endCharOffset}. Messages follow the
 * wording AWS's ANTLR-generated parser uses ("mismatched input 'count' expecting {...}") [observed in public issue
 * reports], naming what was expected so the user knows what to write.
 */
export class QuerySyntaxError extends Error {
  readonly span: Span;

  constructor(message: string, span: Span) {
    super(message);
    this.name = 'QuerySyntaxError';
    this.span = span;
  }
}

export function isQuerySyntaxError(value: unknown): value is QuerySyntaxError {
  return value instanceof QuerySyntaxError;
}
