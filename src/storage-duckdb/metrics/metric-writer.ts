import type { NewMetricDatum, Scope } from '../../storage/index.js';
import type { WriteLane } from '../write-lane.js';
import type { MetricCatalog } from './metric-catalog.js';
import { commitPuts, type PendingPut } from './metric-commit.js';
import { keyMetric, type KeyedMetric } from './metric-keys.js';
import { MetricRows } from './metric-rows.js';
import { invalidDatum } from './validate-datum.js';

// Bounds one transaction's local storage; a put carries at most 1,000 metrics (times up to 150 values each).
const MAX_DATA_PER_COMMIT = 200_000;

/**
 * Group commit, as the log event writer does it: puts queue here, and whenever the write lane is free one turn
 * writes everything pending in one transaction and resolves every caller after the COMMIT (the WAL sync), so the
 * cost of a commit is shared by all the callers that arrived while the previous one was syncing.
 */
export class MetricWriter {
  private readonly lane: WriteLane;
  private readonly catalog: MetricCatalog;
  private readonly rows = new MetricRows();
  private queue: PendingPut[] = [];
  private draining: Promise<void> | undefined;
  private closed = false;

  constructor(lane: WriteLane, catalog: MetricCatalog) {
    this.lane = lane;
    this.catalog = catalog;
  }

  put(scope: Scope, data: readonly NewMetricDatum[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('storage is closed'));
    let keyed: KeyedMetric[];
    try {
      keyed = data.map((datum, index) => {
        const problem = invalidDatum(datum);
        if (problem !== undefined) throw new RangeError(`datum ${index}: ${problem}`);
        return keyMetric(datum.metric);
      });
    } catch (error) {
      // Rejected here, alone, so one bad call never fails the commit it would have shared with others.
      return Promise.reject(error);
    }
    if (data.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.queue.push({ scope, data, keyed, resolve, reject });
      this.draining ??= this.drain().finally(() => {
        this.draining = undefined;
      });
    });
  }

  /** Resolves once every put queued so far is committed (or failed). */
  async flush(): Promise<void> {
    while (this.draining !== undefined) await this.draining;
  }

  /** Refuses new puts and finishes the queued ones. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      await this.lane.exclusive(async (db) => {
        const batch = this.takeBatch();
        try {
          await commitPuts({ connection: this.lane.connection, db, catalog: this.catalog, rows: this.rows }, batch);
          for (const put of batch) put.resolve();
        } catch (error) {
          for (const put of batch) put.reject(error);
        }
      });
    }
  }

  private takeBatch(): PendingPut[] {
    let data = 0;
    let count = 0;
    while (count < this.queue.length && (count === 0 || data + (this.queue[count]?.data.length ?? 0) <= MAX_DATA_PER_COMMIT)) {
      data += this.queue[count]?.data.length ?? 0;
      count++;
    }
    const batch = this.queue.slice(0, count);
    this.queue = this.queue.slice(count);
    return batch;
  }
}
