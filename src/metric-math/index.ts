export { MetricMathError, isMetricMathError } from './metric-math-error.js';
export type { MetricMathErrorKind } from './metric-math-error.js';

export type {
  ArithmeticOperator,
  ArrayLiteral,
  BinaryExpr,
  BinaryOperator,
  CallExpr,
  ComparisonOperator,
  IdRef,
  KeywordArg,
  LogicalOperator,
  MathExpr,
  NegateExpr,
  NumberLiteral,
  SearchCall,
  StringLiteral,
} from './math/ast.js';
export { parseMathExpression } from './math/parser.js';
export type { ParsedMath } from './math/parser.js';
export { printMathExpression } from './math/print.js';
export { FUNCTIONS } from './math/function-table.js';
export type { FunctionSpec } from './math/function-table.js';
export { evaluationOrder, referencedIds } from './math/dependencies.js';
export type { QueryDependencies } from './math/dependencies.js';
export { parseQueryExpression } from './parse-query-expression.js';
export type { ParsedInsights, ParsedQueryExpression } from './parse-query-expression.js';

export type {
  SearchAnd,
  SearchExact,
  SearchNot,
  SearchOr,
  SearchPartial,
  SearchProperty,
  SearchQuery,
  SearchSchema,
  SearchTerm,
} from './search/search-ast.js';
export { MAX_SEARCH_EXPRESSION_LENGTH, parseSearchQuery } from './search/search-parser.js';
export { printSearchQuery } from './search/search-print.js';
export { matchesSearch } from './search/match-search.js';
export type { MetricDimension, MetricIdentity } from './search/match-search.js';

export type {
  InsightsComparison,
  InsightsFunction,
  InsightsLogical,
  InsightsOrder,
  InsightsPredicate,
  InsightsQuery,
} from './insights/insights-ast.js';
export { MAX_INSIGHTS_LIMIT, isInsightsQuery, parseInsightsQuery } from './insights/insights-parser.js';
export { printInsightsQuery } from './insights/insights-print.js';
export {
  INSIGHTS_OTHER_GROUP,
  INSIGHTS_STATISTIC,
  evaluateInsightsWhere,
  insightsGroupKey,
  matchesInsightsQuery,
} from './insights/insights-match.js';
export { insightsGroupLabel, orderInsightsGroups, seriesStatistic } from './insights/insights-order.js';
export type { InsightsGroup } from './insights/insights-order.js';

export { evaluateExpression } from './eval/evaluate.js';
export { ARITHMETIC_ERROR_MESSAGE } from './eval/value.js';
export type {
  EvaluationContext,
  EvaluationResult,
  MathDataSource,
  MathMessage,
  MathValue,
  TimeSeries,
} from './eval/value.js';
export { isValidPeriod, isValidStatistic } from './statistic.js';
