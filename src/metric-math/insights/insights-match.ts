import { assertNever } from '../../kernel/index.js';
import type { MetricDimension, MetricIdentity } from '../search/match-search.js';
import type { InsightsFunction, InsightsPredicate, InsightsQuery } from './insights-ast.js';

/** The CloudWatch statistic a data layer computes per period over every matching observation. */
export const INSIGHTS_STATISTIC: Readonly<Record<InsightsFunction, string>> = {
  AVG: 'Average',
  COUNT: 'SampleCount',
  MAX: 'Maximum',
  MIN: 'Minimum',
  SUM: 'Sum',
};

/** AWS: a group whose metrics lack a GROUP BY key gets the value `Other` for it. */
export const INSIGHTS_OTHER_GROUP = 'Other';

/**
 * Does `metric` belong to the query's input: same namespace and metric name (case-sensitive), exactly the SCHEMA keys
 * when there is a SCHEMA, and the WHERE clause true for its dimensions.
 */
export function matchesInsightsQuery(query: InsightsQuery, metric: MetricIdentity): boolean {
  if (metric.namespace !== query.namespace || metric.metricName !== query.metricName) return false;
  if (query.schemaKeys !== undefined) {
    const names = new Set(metric.dimensions.map((d) => d.name));
    const keys = new Set(query.schemaKeys);
    if (names.size !== keys.size || [...keys].some((k) => !names.has(k))) return false;
  }
  return query.where === undefined || evaluateInsightsWhere(query.where, metric.dimensions);
}

/**
 * The WHERE clause over one metric's dimensions. `key != 'v'` is true for a metric without that key (it does not have
 * the value) [unconfirmed: AWS does not say].
 */
export function evaluateInsightsWhere(predicate: InsightsPredicate, dimensions: readonly MetricDimension[]): boolean {
  switch (predicate.kind) {
    case 'compare': {
      const equal = dimensions.some((d) => d.name === predicate.key && d.value === predicate.value);
      return predicate.op === '=' ? equal : !equal;
    }
    case 'and':
      return evaluateInsightsWhere(predicate.left, dimensions) && evaluateInsightsWhere(predicate.right, dimensions);
    case 'or':
      return evaluateInsightsWhere(predicate.left, dimensions) || evaluateInsightsWhere(predicate.right, dimensions);
    default:
      return assertNever(predicate, 'predicate');
  }
}

/** The GROUP BY values of one metric, in GROUP BY order (`Other` for a missing key); `[]` without GROUP BY. */
export function insightsGroupKey(query: InsightsQuery, dimensions: readonly MetricDimension[]): readonly string[] {
  return query.groupBy.map((key) => dimensions.find((d) => d.name === key)?.value ?? INSIGHTS_OTHER_GROUP);
}
