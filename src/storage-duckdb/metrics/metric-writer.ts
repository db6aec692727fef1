import type { NewMetricDatum, Scope } from '../../storage/index.js';
import { GroupCommit } from '../group-commit.js';
import type { WriteLane } from '../write-lane.js';
import type { MetricCatalog } from './metric-catalog.js';
import { commitPuts, type PendingPut } from './metric-commit.js';
import { keyMetric, type KeyedMetric } from './metric-keys.js';
import { MetricRows } from './metric-rows.js';
import { invalidDatum } from './validate-datum.js';

// Bounds one transaction's local storage; a put carries at most 1,000 metrics (times up to 150 values each).
const MAX_DATA_PER_COMMIT = 200_000;

/**
 * Puts datapoints through the shared group commit: one turn writes every put that is pending in one transaction, so
 * the cost of a commit is shared by all the callers that arrived while the previous one was syncing.
 */
export class MetricWriter {
  private readonly group: GroupCommit<PendingPut, void>;

  constructor(lane: WriteLane, catalog: MetricCatalog) {
    const rows = new MetricRows();
    this.group = new GroupCommit<PendingPut, void>({
      lane,
      maxWeightPerCommit: MAX_DATA_PER_COMMIT,
      weightOf: (put) => put.data.length,
      commit: async (db, batch) => {
        await commitPuts({ connection: lane.connection, db, catalog, rows }, batch);
        return batch.map(() => undefined);
      },
    });
  }

  put(scope: Scope, data: readonly NewMetricDatum[]): Promise<void> {
    if (this.group.isClosed) return Promise.reject(new Error('storage is closed'));
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
    return this.group.submit({ scope, data, keyed });
  }

  /** Resolves once every put queued so far is committed (or failed). */
  flush(): Promise<void> {
    return this.group.flush();
  }

  /** Refuses new puts and finishes the queued ones. */
  close(): Promise<void> {
    return this.group.close();
  }
}
