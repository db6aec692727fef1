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
export type { LogicalPlan, NamedExpr, OrderKey, OutputColumn, PathStep, PlanExpr, Stage, SystemField, ValueType } from './plan.js';
export { DIFF_COLUMNS, MESSAGE_JSON_COLUMN, PATTERN_COLUMNS, SYSTEM_FIELDS } from './plan.js';
export { planQuery, type PlanOptions } from './plan-query.js';
export { comparisonOf, previousRange, scanRanges, type TimeRange } from './diff-window.js';
export { UnsupportedQueryError, isUnsupportedQueryError } from './unsupported-query-error.js';
export type { Bind, SqlDialect, SqlParam, SqlStatement } from './sql/dialect.js';
export { BASE_COLUMNS, compileToSql, type CompiledColumn, type CompiledQuery, type CompileInput, type FirstEvents, type IndexedColumns, type SourceShape } from './sql/sql-writer.js';
export { duckDbDialect } from './sql/duckdb-dialect.js';
export { formatTimestamp, renderValue } from './render-value.js';
export { discoveredTextFields } from './known-log-fields.js';
export { describePlan, describePlanExpr } from './describe-plan.js';
