import {
  INSIGHTS_STATISTIC,
  insightsGroupKey,
  insightsGroupLabel,
  matchesInsightsQuery,
  orderInsightsGroups,
  type InsightsGroup,
  type InsightsQuery,
  type TimeSeries,
} from '../../metric-math/index.js';
import type { MetricIdentity, MetricStore, Scope } from '../../storage/index.js';
import { mergePeriods } from './stat-series.js';
import { parseStat, statValue } from './stat-statistic.js';

const THREE_HOURS_MS = 3 * 3600_000;
/** AWS scans at most 10,000 metrics per Metrics Insights query (spec 9.4). */
const MAX_SCANNED_METRICS = 10_000;

export interface InsightsRead {
  readonly store: MetricStore;
  readonly scope: Scope;
  readonly now: number;
  readonly start: number;
  readonly end: number;
  readonly periodSeconds: number;
}

/**
 * A Metrics Insights query over the store: the matching metrics with data in the past three hours, grouped by the
 * GROUP BY values, each group's observations combined per period with the query's function, then ordered and limited.
 */
export async function insightsSeries(query: InsightsQuery, read: InsightsRead): Promise<TimeSeries[]> {
  const candidates = await read.store.allMetrics(read.scope, { activeSince: read.now - THREE_HOURS_MS, namespace: query.namespace });
  const metrics = candidates.filter((metric) => matchesInsightsQuery(query, metric)).slice(0, MAX_SCANNED_METRICS);
  const groups = new Map<string, { key: readonly string[]; metrics: MetricIdentity[] }>();
  for (const metric of metrics) {
    const key = insightsGroupKey(query, metric.dimensions);
    const id = JSON.stringify(key);
    const group = groups.get(id) ?? { key, metrics: [] };
    group.metrics.push(metric);
    groups.set(id, group);
  }
  const stat = parseStat(INSIGHTS_STATISTIC[query.aggregation]);
  if (stat === undefined) throw new Error(`no statistic for ${query.aggregation}`);
  const computed: InsightsGroup[] = [];
  for (const group of groups.values()) {
    const perMetric = await read.store.aggregate(read.scope, {
      metrics: group.metrics.map((metric) => ({ metric })),
      start: read.start,
      end: read.end,
      periodSeconds: read.periodSeconds,
      withDistribution: false,
    });
    const timestamps: number[] = [];
    const values: number[] = [];
    for (const period of mergePeriods(perMetric.flat())) {
      const value = statValue(period, stat);
      if (value === undefined) continue;
      timestamps.push(period.timestamp);
      values.push(value);
    }
    const label = query.groupBy.length === 0 ? query.metricName : insightsGroupLabel(group.key);
    computed.push({ key: group.key, series: { label, timestamps, values, periodSeconds: read.periodSeconds } });
  }
  return orderInsightsGroups(query, computed).map((group) => group.series);
}
