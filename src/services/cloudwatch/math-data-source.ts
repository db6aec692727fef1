import { MetricMathError, matchesSearch, type MathDataSource, type TimeSeries } from '../../metric-math/index.js';
import type { MetricIdentity, MetricStore, Scope } from '../../storage/index.js';
import { insightsSeries } from './insights-series.js';
import { parseStat } from './stat-statistic.js';
import { statSeries } from './stat-series.js';

const TWO_WEEKS_MS = 14 * 24 * 3600_000;
/** AWS returns at most 500 series per SEARCH (spec 9.8). */
const MAX_SEARCH_SERIES = 500;

export interface MathDataSourceOptions {
  readonly store: MetricStore;
  readonly scope: Scope;
  readonly now: number;
  readonly metricIds: readonly string[];
  readonly results: ReadonlyMap<string, TimeSeries | readonly TimeSeries[]>;
  /** The evaluated query's range, epoch ms. */
  readonly start: number;
  readonly end: number;
}

/** What an expression reads: the request's other results, and the store for SEARCH and Metrics Insights. */
export function createMathDataSource(options: MathDataSourceOptions): MathDataSource {
  const { store, scope } = options;
  return {
    metricIds: options.metricIds,
    series: (id) => options.results.get(id),
    async search(query, statistic, periodSeconds) {
      const stat = parseStat(statistic);
      if (stat === undefined) throw new MetricMathError(`${statistic} is not a valid statistic for SEARCH`, 0, 'validation');
      const candidates = await store.allMetrics(scope, {
        activeSince: options.now - TWO_WEEKS_MS,
        ...(query.schema === undefined ? {} : { namespace: query.schema.namespace }),
      });
      const metrics = candidates.filter((metric) => matchesSearch(query, metric)).slice(0, MAX_SEARCH_SERIES);
      const series = await statSeries(store, scope, { metrics, stat, start: options.start, end: options.end, periodSeconds });
      return series.map((s, i) => ({ ...s, label: searchLabel(metrics[i]) }));
    },
    insights: (query, periodSeconds) =>
      insightsSeries(query, { store, scope, now: options.now, start: options.start, end: options.end, periodSeconds }),
  };
}

/** A SEARCH result is labelled with its dimension values and metric name, which tell the series apart. */
function searchLabel(metric: MetricIdentity | undefined): string {
  if (metric === undefined) return '';
  return [...metric.dimensions.map((d) => d.value), metric.metricName].join(' ');
}
