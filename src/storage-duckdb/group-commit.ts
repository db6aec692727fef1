import type { SqlRunner } from './sql-runner.js';
import type { WriteLane } from './write-lane.js';

export interface GroupCommitOptions<Item, Result> {
  readonly lane: WriteLane;
  /** Bounds one transaction's local storage, in units of `weightOf` (events, datapoints). */
  readonly maxWeightPerCommit: number;
  readonly weightOf: (item: Item) => number;
  /**
   * While this holds for what is queued, a turn waits for more arrivals (at most `maxLingerMs` in all), so writers
   * that are on their way share one larger commit. Without it a turn never waits.
   */
  readonly lingerWhile?: (queued: readonly Item[]) => boolean;
  readonly maxLingerMs?: number;
  /** Writes a batch in one transaction and answers each item, in order. Throwing fails the whole batch. */
  readonly commit: (db: SqlRunner, batch: readonly Item[]) => Promise<readonly Result[]>;
}

interface Queued<Item, Result> {
  readonly item: Item;
  readonly resolve: (result: Result) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit. Writes queue up here; whenever the write lane is free, one turn takes everything pending, writes it in
 * one transaction and answers every caller after the COMMIT (DuckDB syncs its WAL there). While one commit is being
 * synced the next batch accumulates, so the cost of a commit is shared by all writers that arrived meanwhile.
 */
export class GroupCommit<Item, Result> {
  private readonly options: GroupCommitOptions<Item, Result>;
  private queue: Queued<Item, Result>[] = [];
  private draining: Promise<void> | undefined;
  private closed = false;
  /** Total weight waiting for a turn. */
  queuedWeight = 0;
  /** Wakes a lingering turn on each arrival, so `lingerWhile` is asked again. */
  private arrival: (() => void) | undefined;

  constructor(options: GroupCommitOptions<Item, Result>) {
    this.options = options;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  submit(item: Item): Promise<Result> {
    if (this.closed) return Promise.reject(new Error('storage is closed'));
    this.queuedWeight += this.options.weightOf(item);
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.arrival?.();
      this.draining ??= this.drain().finally(() => {
        this.draining = undefined;
      });
    });
  }

  /** Resolves once every write queued so far is committed (or failed). */
  async flush(): Promise<void> {
    while (this.draining !== undefined) await this.draining;
  }

  /** Refuses new writes and finishes the queued ones. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      await this.linger();
      // The batch is taken when the lane is ours, not when we queued for it: everything that arrived in the
      // meantime rides along, and a delete queued before this turn has already committed.
      await this.options.lane.exclusive(async (db) => {
        const batch = this.takeBatch();
        try {
          const results = await this.options.commit(db, batch.map((queued) => queued.item));
          batch.forEach((queued, index) => queued.resolve(results[index] as Result));
        } catch (error) {
          for (const queued of batch) queued.reject(error);
        }
      });
    }
  }

  /** Waits while `lingerWhile` holds and `maxLingerMs` has not passed; every arrival asks again. */
  private async linger(): Promise<void> {
    const { lingerWhile, maxLingerMs = 0 } = this.options;
    if (lingerWhile === undefined) return;
    const deadline = Date.now() + maxLingerMs;
    while (!this.closed && lingerWhile(this.queue.map((queued) => queued.item))) {
      const wait = deadline - Date.now();
      if (wait <= 0) return;
      const arrived = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), wait);
        this.arrival = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
      this.arrival = undefined;
      if (!arrived) return;
    }
  }

  private takeBatch(): Queued<Item, Result>[] {
    let weight = 0;
    let count = 0;
    while (count < this.queue.length) {
      const next = this.options.weightOf((this.queue[count] as Queued<Item, Result>).item);
      if (count > 0 && weight + next > this.options.maxWeightPerCommit) break;
      weight += next;
      count++;
    }
    this.queuedWeight -= weight;
    return this.queue.splice(0, count);
  }
}
