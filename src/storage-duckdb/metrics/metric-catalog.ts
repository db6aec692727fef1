import type { MetricDimension, Scope } from '../../storage/index.js';
import type { SqlRunner } from '../sql-runner.js';
import { num, optionalNum, str } from '../sql-values.js';
import { keyMetric, scopeKey, type KeyedMetric } from './metric-keys.js';

/** A metric in memory: its series (one per unit) and the newest datapoint seen, for ListMetrics' activity rules. */
export interface CatalogMetric extends KeyedMetric {
  readonly scope: Scope;
  readonly series: Map<string, number>;
  lastTimestamp: number;
  /** The newest timestamp of the commit turn in progress, made visible in lastTimestamp once it commits. */
  pendingTimestamp: number;
}

/** A series created by a commit turn; written in that turn's transaction, forgotten if it rolls back. */
export interface NewSeries {
  readonly metric: CatalogMetric;
  readonly unit: string;
  readonly seriesId: number;
}

/**
 * Every metric of every scope, in memory. The embedded adapter has one process, and metrics are few next to their
 * datapoints, so resolving a datum's series (hot: every datapoint) and listing metrics never touch SQL. Only the
 * write lane changes the catalog; it is rebuilt from metric_series and metric_points on open.
 */
export class MetricCatalog {
  private readonly scopes = new Map<string, Map<string, CatalogMetric>>();
  private readonly sortedCache = new Map<string, CatalogMetric[]>();
  private nextSeriesId = 1;
  // Every datum of a put shares one Scope object: remembering the last one saves a key build and lookup per datum.
  private lastScope: Scope | undefined;
  private lastMetrics: Map<string, CatalogMetric> | undefined;

  static async load(db: SqlRunner): Promise<MetricCatalog> {
    const catalog = new MetricCatalog();
    const rows = await db.rows(`SELECT s.series_id, s.account_id, s.region, s.namespace, s.metric_name, s.dimensions, s.unit, p.last_ts
      FROM metric_series s LEFT JOIN (SELECT series_id, max(ts) AS last_ts FROM metric_points GROUP BY series_id) p USING (series_id)`);
    for (const row of rows) {
      const dimensions = (JSON.parse(str(row, 'dimensions')) as [string, string][]).map(([name, value]): MetricDimension => ({ name, value }));
      const scope: Scope = { accountId: str(row, 'account_id'), region: str(row, 'region') };
      const metric = catalog.metricFor(scope, keyMetric({ namespace: str(row, 'namespace'), metricName: str(row, 'metric_name'), dimensions }));
      const seriesId = num(row, 'series_id');
      metric.series.set(str(row, 'unit'), seriesId);
      metric.lastTimestamp = Math.max(metric.lastTimestamp, optionalNum(row, 'last_ts') ?? Number.NEGATIVE_INFINITY);
      catalog.nextSeriesId = Math.max(catalog.nextSeriesId, seriesId + 1);
    }
    return catalog;
  }

  get(scope: Scope, key: string): CatalogMetric | undefined {
    return this.scopes.get(scopeKey(scope))?.get(key);
  }

  /** The series of (metric, unit), created (and reported in `created`) when new. Write lane only. */
  resolve(scope: Scope, keyed: KeyedMetric, unit: string, created: NewSeries[]): { metric: CatalogMetric; seriesId: number } {
    const metric = this.metricFor(scope, keyed);
    let seriesId = metric.series.get(unit);
    if (seriesId === undefined) {
      seriesId = this.nextSeriesId++;
      metric.series.set(unit, seriesId);
      created.push({ metric, unit, seriesId });
    }
    return { metric, seriesId };
  }

  /** Undoes `seriesId` for series whose transaction rolled back. */
  discard(created: readonly NewSeries[]): void {
    for (const { metric, unit } of created) {
      metric.series.delete(unit);
      if (metric.series.size === 0) this.forget(metric);
    }
  }

  /** Drops series (deleted by retention) and metrics left with none. */
  removeSeries(ids: ReadonlySet<number>): void {
    for (const metrics of this.scopes.values()) {
      for (const metric of [...metrics.values()]) {
        for (const [unit, id] of metric.series) if (ids.has(id)) metric.series.delete(unit);
        if (metric.series.size === 0) this.forget(metric);
      }
    }
  }

  /** A scope's metrics in key order (cached until a metric is added or removed). */
  sorted(scope: Scope): readonly CatalogMetric[] {
    const scoped = scopeKey(scope);
    let sorted = this.sortedCache.get(scoped);
    if (sorted === undefined) {
      sorted = [...(this.scopes.get(scoped)?.values() ?? [])].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      this.sortedCache.set(scoped, sorted);
    }
    return sorted;
  }

  clear(): void {
    this.lastScope = undefined;
    this.lastMetrics = undefined;
    this.scopes.clear();
    this.sortedCache.clear();
  }

  private metricFor(scope: Scope, keyed: KeyedMetric): CatalogMetric {
    let metrics = scope === this.lastScope ? this.lastMetrics : undefined;
    if (metrics === undefined) {
      const scoped = scopeKey(scope);
      metrics = this.scopes.get(scoped);
      if (metrics === undefined) this.scopes.set(scoped, (metrics = new Map()));
      this.lastScope = scope;
      this.lastMetrics = metrics;
    }
    let metric = metrics.get(keyed.key);
    if (metric === undefined) {
      const none = Number.NEGATIVE_INFINITY;
      metric = { ...keyed, scope, series: new Map(), lastTimestamp: none, pendingTimestamp: none };
      metrics.set(keyed.key, metric);
      this.sortedCache.delete(scopeKey(scope));
    }
    return metric;
  }

  private forget(metric: CatalogMetric): void {
    const scoped = scopeKey(metric.scope);
    this.lastScope = undefined;
    this.scopes.get(scoped)?.delete(metric.key);
    this.sortedCache.delete(scoped);
  }
}
