import type { SearchQuery } from '../search/search-ast.js';

/**
 * The metric math AST: immutable tagged unions without positions, so `parse(print(x))` deep-equals `x`. Positions live
 * beside the tree (`ParsedMath.positions`) for error messages.
 */
export type MathExpr =
  | NumberLiteral
  | StringLiteral
  | IdRef
  | KeywordArg
  | ArrayLiteral
  | NegateExpr
  | BinaryExpr
  | CallExpr
  | SearchCall;

export interface NumberLiteral {
  readonly kind: 'number';
  readonly value: number;
}

/** `"errors"` / `'errors'`: only meaningful as a function argument (METRICS, INSIGHT_RULE_METRIC). */
export interface StringLiteral {
  readonly kind: 'string';
  readonly value: string;
}

/** The Id of another MetricDataQuery (`m1`, `e1`, `errors_total`). */
export interface IdRef {
  readonly kind: 'ref';
  readonly id: string;
}

/** A bare uppercase word used as an argument: `REPEAT`, `LINEAR` (FILL), `AVG`..`SUM` and `ASC`/`DESC` (SORT). */
export interface KeywordArg {
  readonly kind: 'keyword';
  readonly name: string;
}

/** `[m1, m2, METRICS("5xx")]`: arrays nest flat (an array element that is an array contributes its members). */
export interface ArrayLiteral {
  readonly kind: 'array';
  readonly items: readonly MathExpr[];
}

export interface NegateExpr {
  readonly kind: 'negate';
  readonly operand: MathExpr;
}

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '^';
export type ComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';
/** AWS accepts `AND`/`&&` and `OR`/`||`; the AST keeps the spelling so printing gives it back. */
export type LogicalOperator = 'AND' | '&&' | 'OR' | '||';
export type BinaryOperator = ArithmeticOperator | ComparisonOperator | LogicalOperator;

export interface BinaryExpr {
  readonly kind: 'binary';
  readonly op: BinaryOperator;
  readonly left: MathExpr;
  readonly right: MathExpr;
}

/** Any function but SEARCH: `name` is one of FUNCTION_NAMES (checked by the parser, arity included). */
export interface CallExpr {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly MathExpr[];
}

/** `SEARCH('{AWS/Bedrock,ModelId} MetricName="Invocations"', 'Sum', 300)`, its query parsed at parse time. */
export interface SearchCall {
  readonly kind: 'search';
  readonly query: SearchQuery;
  readonly statistic: string;
  /** Seconds; undefined means the period of the MetricDataQuery. */
  readonly period: number | undefined;
}
