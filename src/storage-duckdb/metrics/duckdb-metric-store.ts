import type {
  AggregateMetricsQuery,
  ListMetricsQuery,
  MaintenanceOutcome,
  MetricIdentity,
  MetricPage,
  MetricPeriodAggregate,
  MetricStore,
  NewMetricDatum,
  Scope,
} from '../../storage/index.js';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SqlRunner } from '../sql-runner.js';
import type { WriteLane } from '../write-lane.js';
import { aggregateMetrics } from './aggregate-metrics.js';
import { allMetrics, listMetrics } from './list-metrics.js';
import { MetricCatalog } from './metric-catalog.js';
import { ReadPool } from '../read-pool.js';
import { purgeExpiredMetrics, rollUpMetrics } from './metric-retention.js';
import { MetricWriter } from './metric-writer.js';

/** The MetricStore over DuckDB: group-committed writes, an in-memory metric catalog, SQL aggregation. */
export class DuckDbMetricStore implements MetricStore {
  private readonly lane: WriteLane;
  private readonly reads: ReadPool;
  private readonly catalog: MetricCatalog;
  private readonly writer: MetricWriter;

  private constructor(lane: WriteLane, connect: () => Promise<DuckDBConnection>, catalog: MetricCatalog) {
    this.lane = lane;
    this.reads = new ReadPool(connect, { maxIdle: 2 });
    this.catalog = catalog;
    this.writer = new MetricWriter(lane, catalog);
  }

  /** Loads the catalog through `db` (the write connection, before the lane takes it over). */
  static async open(db: SqlRunner, lane: WriteLane, connect: () => Promise<DuckDBConnection>): Promise<DuckDbMetricStore> {
    return new DuckDbMetricStore(lane, connect, await MetricCatalog.load(db));
  }

  putMetricData(scope: Scope, data: readonly NewMetricDatum[]): Promise<void> {
    return this.writer.put(scope, data);
  }

  listMetrics(scope: Scope, query: ListMetricsQuery): Promise<MetricPage> {
    return Promise.resolve(listMetrics(this.catalog, scope, query));
  }

  allMetrics(scope: Scope, query: { readonly activeSince: number; readonly namespace?: string }): Promise<readonly MetricIdentity[]> {
    return Promise.resolve(allMetrics(this.catalog, scope, query));
  }

  aggregate(scope: Scope, query: AggregateMetricsQuery): Promise<MetricPeriodAggregate[][]> {
    return aggregateMetrics(this.reads, this.catalog, scope, query);
  }

  rollUp(now: number): Promise<MaintenanceOutcome> {
    return rollUpMetrics(this.lane, now);
  }

  purgeExpired(now: number): Promise<MaintenanceOutcome> {
    return purgeExpiredMetrics(this.lane, this.catalog, now);
  }

  /** Waits for queued puts (before a reset or close). */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  /** Forgets every metric; the caller empties the tables (Storage.reset). */
  clearCatalog(): void {
    this.catalog.clear();
  }

  /** Finishes queued puts and closes the read connections (before the lane and the instance close). */
  async close(): Promise<void> {
    await this.writer.close();
    await this.reads.close();
  }
}
