/**
 * A Metrics Insights query (cloudwatch-metrics-insights-querylanguage.html):
 * `SELECT FUNC(metric) FROM namespace | SCHEMA(namespace, key...) [WHERE ...] [GROUP BY key, ...]
 *  [ORDER BY FUNC() ASC|DESC] [LIMIT n]`. Immutable, no positions: `parse(print(q))` deep-equals `q`.
 */
export type InsightsFunction = 'AVG' | 'COUNT' | 'MAX' | 'MIN' | 'SUM';

export const INSIGHTS_FUNCTIONS: readonly InsightsFunction[] = ['AVG', 'COUNT', 'MAX', 'MIN', 'SUM'];

export interface InsightsQuery {
  readonly kind: 'insights';
  /** How the observations of all matching metrics are combined in each period. */
  readonly aggregation: InsightsFunction;
  readonly metricName: string;
  readonly namespace: string;
  /** `SCHEMA(ns, k1, k2)`: only metrics with exactly these dimension keys; `[]` means no dimensions. */
  readonly schemaKeys: readonly string[] | undefined;
  readonly where: InsightsPredicate | undefined;
  readonly groupBy: readonly string[];
  readonly orderBy: InsightsOrder | undefined;
  readonly limit: number | undefined;
}

export interface InsightsOrder {
  readonly function: InsightsFunction;
  /** AWS: "If you omit this, the default is ascending ASC." Stored resolved, printed explicitly. */
  readonly direction: 'ASC' | 'DESC';
}

export type InsightsPredicate = InsightsComparison | InsightsLogical;

/** `key = 'value'` / `key != 'value'`: label values are always single-quoted. */
export interface InsightsComparison {
  readonly kind: 'compare';
  readonly key: string;
  readonly op: '=' | '!=';
  readonly value: string;
}

export interface InsightsLogical {
  readonly kind: 'and' | 'or';
  readonly left: InsightsPredicate;
  readonly right: InsightsPredicate;
}
