import type { ListMetricsQuery, MetricIdentity, MetricPage, Scope } from '../../storage/index.js';
import type { CatalogMetric, MetricCatalog } from './metric-catalog.js';

/** One page of the scope's metrics in key (ASCII) order; the cursor is the last metric's key. */
export function listMetrics(catalog: MetricCatalog, scope: Scope, query: ListMetricsQuery): MetricPage {
  const sorted = catalog.sorted(scope);
  let index = 0;
  if (query.after !== undefined) {
    // Binary search: the first metric whose key sorts after the cursor.
    const after = query.after;
    let high = sorted.length;
    while (index < high) {
      const middle = (index + high) >>> 1;
      if ((sorted[middle] as CatalogMetric).key <= after) index = middle + 1;
      else high = middle;
    }
  }
  const metrics: MetricIdentity[] = [];
  let last: CatalogMetric | undefined;
  for (; index < sorted.length; index++) {
    const metric = sorted[index] as CatalogMetric;
    if (!matches(metric, query)) continue;
    if (metrics.length === query.limit) return { metrics, nextCursor: (last as CatalogMetric).key };
    metrics.push(metric.identity);
    last = metric;
  }
  return { metrics };
}

/** Every matching metric, for SEARCH and Metrics Insights (which filter further themselves). */
export function allMetrics(catalog: MetricCatalog, scope: Scope, query: { readonly activeSince: number; readonly namespace?: string }): MetricIdentity[] {
  return catalog
    .sorted(scope)
    .filter((metric) => matches(metric, query))
    .map((metric) => metric.identity);
}

function matches(metric: CatalogMetric, query: Omit<ListMetricsQuery, 'limit'>): boolean {
  const { identity } = metric;
  if (metric.lastTimestamp < query.activeSince) return false;
  if (query.namespace !== undefined && identity.namespace !== query.namespace) return false;
  if (query.metricName !== undefined && identity.metricName !== query.metricName) return false;
  return (query.dimensions ?? []).every((filter) =>
    identity.dimensions.some((dimension) => dimension.name === filter.name && (filter.value === undefined || dimension.value === filter.value)),
  );
}
