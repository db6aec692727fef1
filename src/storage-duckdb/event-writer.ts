import type { AppendOutcome, NewLogEvent, Scope } from '../storage/index.js';
import { commitAppends, type PendingAppend } from './append-commit.js';
import { EventChunks } from './event-chunks.js';
import type { StoreContext } from './store-context.js';

// Bounds one transaction's local storage; concurrent writers of ~4,500 events each fit many times over.
const MAX_EVENTS_PER_COMMIT = 100_000;
// Prefilled chunks hold a second copy of the events in native memory; beyond this backlog, fill in the turn instead.
const MAX_PREFILLED_EVENTS = 50_000;

/**
 * Group commit. Appends queue up here; whenever the write lane is free, one turn takes everything pending, writes it
 * in one transaction and resolves every caller after the COMMIT (DuckDB syncs its WAL there). While one commit is
 * being synced the next batch accumulates, so the cost of a commit is shared by all writers that arrived meanwhile.
 */
export class EventWriter {
  private readonly ctx: StoreContext;
  private readonly chunks = new EventChunks();
  private queue: PendingAppend[] = [];
  private queuedEvents = 0;
  private draining: Promise<void> | undefined;
  private closed = false;

  constructor(ctx: StoreContext) {
    this.ctx = ctx;
  }

  append(scope: Scope, logGroupName: string, logStreamName: string, events: readonly NewLogEvent[], ingestionTime: number): Promise<AppendOutcome> {
    if (this.closed) return Promise.reject(new Error('storage is closed'));
    const invalid = events.findIndex((event) => !Number.isSafeInteger(event.timestamp));
    if (invalid >= 0 || !Number.isSafeInteger(ingestionTime)) {
      // Rejected here, alone, so one bad call can never fail the commit it would have shared with others.
      return Promise.reject(new RangeError(`timestamps must be whole milliseconds (event ${invalid})`));
    }
    // Filling now, on arrival, overlaps with the commit in progress; the turn re-checks the ids before writing.
    const ids = this.ctx.ids.stream(scope, logGroupName, logStreamName);
    const prefill = ids !== undefined && events.length > 0 && this.queuedEvents < MAX_PREFILLED_EVENTS;
    const filled = prefill ? this.chunks.fill(ids, events, ingestionTime) : undefined;
    this.queuedEvents += events.length;
    return new Promise((resolve, reject) => {
      this.queue.push({ scope, logGroupName, logStreamName, events, ingestionTime, resolve, reject, filled });
      this.draining ??= this.drain().finally(() => {
        this.draining = undefined;
      });
    });
  }

  /** Resolves once every append queued so far is committed (or failed). */
  async flush(): Promise<void> {
    while (this.draining !== undefined) await this.draining;
  }

  /** Refuses new appends and finishes the queued ones. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      // The batch is taken when the lane is ours, not when we queued for it: everything that arrived in the
      // meantime rides along, and a delete queued before this turn has already committed.
      await this.ctx.lane.exclusive(async (db) => {
        const batch = this.takeBatch();
        try {
          const outcomes = await commitAppends({ ctx: this.ctx, db, chunks: this.chunks }, batch);
          batch.forEach((append, index) => append.resolve(outcomes[index] ?? { kind: 'no-stream' }));
        } catch (error) {
          for (const append of batch) append.reject(error);
        }
      });
    }
  }

  private takeBatch(): PendingAppend[] {
    let events = 0;
    let count = 0;
    while (count < this.queue.length && (count === 0 || events + (this.queue[count]?.events.length ?? 0) <= MAX_EVENTS_PER_COMMIT)) {
      events += this.queue[count]?.events.length ?? 0;
      count++;
    }
    const batch = this.queue.slice(0, count);
    this.queue = this.queue.slice(count);
    this.queuedEvents -= events;
    return batch;
  }
}
