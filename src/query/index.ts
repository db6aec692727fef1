export type {
  BinaryOperator,
  Command,
  DiffWindow,
  Expr,
  ParsePattern,
  PeriodUnit,
  Projection,
  Query,
  SortKey,
  SourceSelection,
  Span,
} from './ast.js';
export { describeExpr, describeQuery } from './describe-ast.js';
export { COMMAND_NAMES, parseQuery } from './parse-query.js';
export { printCommand, printExpr, printName, printQuery } from './print.js';
export { QuerySyntaxError, isQuerySyntaxError } from './query-syntax-error.js';
