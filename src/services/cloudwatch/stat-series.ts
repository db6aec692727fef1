import type { TimeSeries } from '../../metric-math/index.js';
import type { MetricIdentity, MetricPeriodAggregate, MetricStore, Scope } from '../../storage/index.js';
import { statValue, type StatSpec } from './stat-statistic.js';

export interface StatSeriesQuery {
  readonly metrics: readonly MetricIdentity[];
  readonly unit?: string;
  readonly stat: StatSpec;
  readonly start: number;
  readonly end: number;
  readonly periodSeconds: number;
}

/**
 * One series per metric: the statistic of each period with data, in time order. Without a Unit, the units a period
 * holds are merged (counts, sums, extremes and distributions add up), as GetMetricData reads a metric as one series.
 */
export async function statSeries(store: MetricStore, scope: Scope, query: StatSeriesQuery): Promise<Array<Omit<TimeSeries, 'label'>>> {
  if (query.metrics.length === 0) return [];
  const results = await store.aggregate(scope, {
    metrics: query.metrics.map((metric) => ({ metric, ...(query.unit === undefined ? {} : { unit: query.unit }) })),
    start: query.start,
    end: query.end,
    periodSeconds: query.periodSeconds,
    withDistribution: query.stat.kind === 'extended',
  });
  return results.map((periods) => {
    const timestamps: number[] = [];
    const values: number[] = [];
    for (const period of mergePeriods(periods)) {
      const value = statValue(period, query.stat);
      if (value === undefined || !Number.isFinite(value)) continue;
      timestamps.push(period.timestamp);
      values.push(value);
    }
    return { timestamps, values, periodSeconds: query.periodSeconds };
  });
}

/**
 * Rows of one timestamp (other units, or other metrics) folded into one, in time order. Folding changes the
 * distributions of the rows it merges into, which belong to this one read.
 */
export function mergePeriods(periods: readonly MetricPeriodAggregate[]): MetricPeriodAggregate[] {
  const merged: MetricPeriodAggregate[] = [];
  for (const period of [...periods].sort((a, b) => a.timestamp - b.timestamp)) {
    const last = merged.at(-1);
    if (last === undefined || last.timestamp !== period.timestamp) {
      merged.push(period);
      continue;
    }
    // A distribution survives only if both rows have one (statistic sets carry none).
    const distribution = last.distribution !== undefined && period.distribution !== undefined ? last.distribution : undefined;
    if (distribution !== undefined && period.distribution !== undefined) distribution.merge(period.distribution);
    merged[merged.length - 1] = {
      timestamp: last.timestamp,
      unit: last.unit,
      sampleCount: last.sampleCount + period.sampleCount,
      sum: last.sum + period.sum,
      minimum: Math.min(last.minimum, period.minimum),
      maximum: Math.max(last.maximum, period.maximum),
      ...(distribution === undefined ? {} : { distribution }),
    };
  }
  return merged;
}
