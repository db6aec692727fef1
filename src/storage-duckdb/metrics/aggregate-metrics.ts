import { BIGINT, LIST, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { MetricSketch, type AggregateMetricsQuery, type MetricIdentity, type MetricPeriodAggregate, type Scope } from '../../storage/index.js';
import { SqlParams } from '../sql-values.js';
import type { MetricCatalog } from './metric-catalog.js';
import { keyMetric } from './metric-keys.js';
import type { ReadPool } from '../read-pool.js';
import { numericColumns } from './numeric-columns.js';

type Period = { -readonly [K in keyof MetricPeriodAggregate]: MetricPeriodAggregate[K] };

/** One series' periods in time order, and whether each one's samples all carry a distribution. */
interface SeriesPeriods {
  readonly periods: Period[];
  readonly indexes: number[];
  readonly complete: boolean[];
}

/**
 * All selectors in two statements (summaries, then distributions), grouped by series and period inside DuckDB
 * and returned in (series, period[, key]) order, so assembling needs no maps, no sorting and one object per period.
 * Rows stored at a resolution coarser than the period are left out: AWS returns no datapoints for them.
 */
export async function aggregateMetrics(reads: ReadPool, catalog: MetricCatalog, scope: Scope, query: AggregateMetricsQuery): Promise<MetricPeriodAggregate[][]> {
  const units = new Map<number, string>();
  const selected = query.metrics.map((selector) => {
    const ids: number[] = [];
    for (const [unit, id] of lookup(catalog, scope, selector.metric)?.series ?? []) {
      if (selector.unit !== undefined && selector.unit !== unit) continue;
      ids.push(id);
      units.set(id, unit);
    }
    return ids;
  });
  const periodMs = query.periodSeconds * 1000;
  if (units.size === 0 || !(periodMs > 0) || !(query.end > query.start)) return selected.map(() => []);
  const p = new SqlParams();
  p.values.push(listValue([...units.keys()].map(BigInt)));
  p.types.push(LIST(BIGINT));
  const start = p.bigint(query.start);
  const where = `series_id IN (SELECT unnest($1)) AND resolution <= ${p.int(query.periodSeconds)} AND ts >= ${start} AND ts < ${p.bigint(query.end)}`;
  const period = `((ts - ${start}) // ${p.bigint(periodMs)})::INTEGER`;
  const bySeries = await reads.useConnection(async (db) => {
    const found = await summaries(db, p, { where, period, units, start: query.start, periodMs });
    if (query.withDistribution) await distributions(db, p, { where, period }, found);
    return found;
  });
  return selected.map((ids) => {
    const periods = ids.flatMap((id) => bySeries.get(id)?.periods ?? []);
    if (ids.length > 1) periods.sort((a, b) => a.timestamp - b.timestamp || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
    return periods;
  });
}

async function summaries(db: DuckDBConnection, p: SqlParams, sql: { where: string; period: string; units: Map<number, string>; start: number; periodMs: number }): Promise<Map<number, SeriesPeriods>> {
  const [series = [], index = [], counts = [], sums = [], mins = [], maxes = [], complete = []] = await numericColumns(
    db,
    `SELECT series_id::INTEGER AS s, ${sql.period} AS k, sum(sample_count), sum(sum), min(min), max(max), bool_and(dist > 0)::INTEGER
     FROM metric_points WHERE ${sql.where} GROUP BY ALL ORDER BY s, k`,
    p,
    ['integer', 'integer', 'double', 'double', 'double', 'double', 'integer'],
  );
  const bySeries = new Map<number, SeriesPeriods>();
  let current: SeriesPeriods | undefined;
  let currentId = -1;
  for (let row = 0; row < series.length; row++) {
    const id = series[row] as number;
    if (id !== currentId || current === undefined) {
      currentId = id;
      current = { periods: [], indexes: [], complete: [] };
      bySeries.set(id, current);
    }
    const k = index[row] as number;
    current.periods.push({
      timestamp: sql.start + k * sql.periodMs,
      unit: sql.units.get(id) ?? 'None',
      sampleCount: counts[row] as number,
      sum: sums[row] as number,
      minimum: mins[row] as number,
      maximum: maxes[row] as number,
      distribution: undefined,
    });
    current.indexes.push(k);
    current.complete.push(complete[row] === 1);
  }
  return bySeries;
}

/** Attaches each complete period's merged buckets (single-value rows contribute their point key). */
async function distributions(db: DuckDBConnection, p: SqlParams, sql: { where: string; period: string }, bySeries: Map<number, SeriesPeriods>): Promise<void> {
  const [series = [], index = [], keys = [], counts = []] = await numericColumns(
    db,
    `SELECT s, k, key, sum(c) FROM (
       SELECT series_id::INTEGER AS s, ${sql.period} AS k, point_key AS key, sample_count AS c FROM metric_points WHERE ${sql.where} AND dist = 1
       UNION ALL SELECT series_id::INTEGER, ${sql.period}, key, count FROM metric_buckets WHERE ${sql.where}
     ) GROUP BY ALL ORDER BY s, k, key`,
    p,
    ['integer', 'integer', 'integer', 'double'],
  );
  let row = 0;
  while (row < series.length) {
    const id = series[row] as number;
    const k = index[row] as number;
    const runKeys: number[] = [];
    const runCounts: number[] = [];
    for (; row < series.length && series[row] === id && index[row] === k; row++) {
      runKeys.push(keys[row] as number);
      runCounts.push(counts[row] as number);
    }
    const target = bySeries.get(id);
    const at = target === undefined ? -1 : binarySearch(target.indexes, k);
    if (target !== undefined && at >= 0 && target.complete[at] === true) {
      (target.periods[at] as Period).distribution = MetricSketch.fromSorted(runKeys, runCounts);
    }
  }
}

function binarySearch(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = sorted[middle] as number;
    if (found === value) return middle;
    if (found < value) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

function lookup(catalog: MetricCatalog, scope: Scope, metric: MetricIdentity) {
  try {
    return catalog.get(scope, keyMetric(metric).key);
  } catch {
    return undefined; // a name no metric can have
  }
}
