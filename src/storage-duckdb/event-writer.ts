import type { AppendOutcome, NewLogEvent, Scope } from '../storage/index.js';
import { commitAppends, type PendingAppend } from './append-commit.js';
import { EventChunks } from './event-chunks.js';
import { GroupCommit } from './group-commit.js';
import type { StoreContext } from './store-context.js';

// Bounds one transaction's local storage; concurrent writers of ~4,500 events each fit many times over.
const MAX_EVENTS_PER_COMMIT = 100_000;
// Prefilled chunks hold a second copy of the events in native memory; beyond this backlog, fill in the turn instead.
const MAX_PREFILLED_EVENTS = 50_000;

/**
 * Appends log events through the shared group commit. Each append is filled into DuckDB chunks on arrival when its
 * stream's ids are cached, so filling overlaps with the commit in progress; the turn re-checks the ids before writing.
 */
export class EventWriter {
  private readonly ctx: StoreContext;
  private readonly chunks = new EventChunks();
  private readonly group: GroupCommit<PendingAppend, AppendOutcome>;

  constructor(ctx: StoreContext) {
    this.ctx = ctx;
    this.group = new GroupCommit({
      lane: ctx.lane,
      maxWeightPerCommit: MAX_EVENTS_PER_COMMIT,
      weightOf: (append) => append.events.length,
      commit: async (db, batch) => {
        const outcomes = await commitAppends({ ctx: this.ctx, db, chunks: this.chunks }, batch);
        return batch.map((_, index) => outcomes[index] ?? { kind: 'no-stream' });
      },
    });
  }

  append(scope: Scope, logGroupName: string, logStreamName: string, events: readonly NewLogEvent[], ingestionTime: number): Promise<AppendOutcome> {
    if (this.group.isClosed) return Promise.reject(new Error('storage is closed'));
    const invalid = events.findIndex((event) => !Number.isSafeInteger(event.timestamp));
    if (invalid >= 0 || !Number.isSafeInteger(ingestionTime)) {
      // Rejected here, alone, so one bad call can never fail the commit it would have shared with others.
      return Promise.reject(new RangeError(`timestamps must be whole milliseconds (event ${invalid})`));
    }
    const ids = this.ctx.ids.stream(scope, logGroupName, logStreamName);
    const prefill = ids !== undefined && events.length > 0 && this.group.queuedWeight < MAX_PREFILLED_EVENTS;
    const filled = prefill ? this.chunks.fill(ids, events, ingestionTime) : undefined;
    return this.group.submit({ scope, logGroupName, logStreamName, events, ingestionTime, filled });
  }

  /** Resolves once every append queued so far is committed (or failed). */
  flush(): Promise<void> {
    return this.group.flush();
  }

  /** Refuses new appends and finishes the queued ones. */
  close(): Promise<void> {
    return this.group.close();
  }
}
