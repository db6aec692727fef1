import type { MetricMathError } from '../metric-math-error.js';
import type { MathExpr } from './ast.js';
import type { MathToken } from './lexer.js';

/** The parser's reading interface, for sub-grammars (SEARCH) that need it without importing the parser itself. */
export interface TokenCursor {
  next(): MathToken;
  expectPunct(value: string): void;
  acceptPunct(value: string): boolean;
  unexpected(token: MathToken, hint?: string): MetricMathError;
}

/** The parser's interface for argument lists: reading ahead, parsing a whole sub-expression, recording positions. */
export interface ExpressionCursor extends TokenCursor {
  peek(offset?: number): MathToken;
  isPunct(value: string, offset?: number): boolean;
  parseExpression(): MathExpr;
  node<T extends MathExpr>(expr: T, pos: number): T;
}
