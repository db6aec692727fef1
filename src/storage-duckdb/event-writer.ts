import { firstUnsafeTimestamp, type AppendOutcome, type NewLogEvents, type Scope } from '../storage/index.js';
import { commitAppends, openStagedAppender, type PendingAppend } from './append-commit.js';
import { PLAIN_EVENTS, RECORD_EVENTS } from './event-tables.js';
import { EventChunks } from './event-chunks.js';
import { ROW_GROUP_SIZE } from './duckdb-database.js';
import { GroupCommit } from './group-commit.js';
import { ReusableAppender } from './reusable-appender.js';
import type { StoreContext } from './store-context.js';

// Bounds one transaction's local storage; concurrent writers of ~4,500 events each fit many times over.
const MAX_EVENTS_PER_COMMIT = 100_000;
// A stream appended to this recently counts as a writer that will append again soon.
const RECENT_WRITER_MS = 200;
// The longest a commit waits for such writers.
const MAX_LINGER_MS = 20;
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
  private readonly appenders: { readonly plain: ReusableAppender; readonly records: ReusableAppender };
  /** When each stream was last appended to. */
  private readonly recentWriters = new Map<string, number>();

  constructor(ctx: StoreContext) {
    this.ctx = ctx;
    this.appenders = {
      plain: new ReusableAppender(() => openStagedAppender(ctx.lane.connection, PLAIN_EVENTS)),
      records: new ReusableAppender(() => openStagedAppender(ctx.lane.connection, RECORD_EVENTS)),
    };
    this.group = new GroupCommit({
      lane: ctx.lane,
      maxWeightPerCommit: MAX_EVENTS_PER_COMMIT,
      lingerWhile: (queued) => this.writersOnTheirWay(queued, this.group.queuedWeight),
      maxLingerMs: MAX_LINGER_MS,
      weightOf: (append) => append.count,
      commit: async (db, batch) => {
        const outcomes = await commitAppends({ ctx: this.ctx, db, chunks: this.chunks, appenders: this.appenders }, batch);
        this.ctx.freedMemory.afterWrite();
        return batch.map((_, index) => outcomes[index] ?? { kind: 'no-stream' });
      },
    });
  }

  append(scope: Scope, logGroupName: string, logStreamName: string, events: NewLogEvents, ingestionTime: number): Promise<AppendOutcome> {
    if (this.group.isClosed) return Promise.reject(new Error('storage is closed'));
    const invalid = firstUnsafeTimestamp(events);
    if (invalid >= 0 || !Number.isSafeInteger(ingestionTime)) {
      // Rejected here, alone, so one bad call can never fail the commit it would have shared with others.
      return Promise.reject(new RangeError(`timestamps must be whole milliseconds (event ${invalid})`));
    }
    this.recentWriters.set(writerKey(scope, logGroupName, logStreamName), Date.now());
    const ids = this.ctx.ids.stream(scope, logGroupName, logStreamName);
    const prefill = ids !== undefined && events.length > 0 && this.group.queuedWeight < MAX_PREFILLED_EVENTS;
    const filled = prefill ? this.chunks.fill(ids, events, ingestionTime) : undefined;
    // Filled events are not kept: held until the commit ends, a 1 MB batch outlived young-generation GCs and was
    // promoted, which cost more GC time than anything else on the ingest path (append-commit.ts, PendingAppend).
    const source = filled === undefined ? { events } : { filled };
    return this.group.submit({ scope, logGroupName, logStreamName, count: events.length, ingestionTime, ...source });
  }

  /**
   * A commit short of a row group is compressed twice (WAL, then checkpoint), one of at least a row group once, as
   * it commits (duckdb-database.ts). So a short commit waits while streams written in the last moment have nothing
   * queued: their writers are most likely sending their next batch now.
   */
  private writersOnTheirWay(queued: readonly PendingAppend[], queuedEvents: number): boolean {
    if (queuedEvents >= ROW_GROUP_SIZE) return false;
    const now = Date.now();
    const waiting = new Set(queued.map((append) => writerKey(append.scope, append.logGroupName, append.logStreamName)));
    let onTheirWay = false;
    for (const [key, seen] of this.recentWriters) {
      if (now - seen > RECENT_WRITER_MS) this.recentWriters.delete(key);
      else if (!waiting.has(key)) onTheirWay = true;
    }
    return onTheirWay;
  }

  /** Resolves once every append queued so far is committed (or failed). */
  flush(): Promise<void> {
    return this.group.flush();
  }

  /** Refuses new appends and finishes the queued ones. */
  async close(): Promise<void> {
    await this.group.close();
    this.appenders.plain.discard();
    this.appenders.records.discard();
  }
}

function writerKey(scope: Scope, logGroupName: string, logStreamName: string): string {
  return `${scope.accountId}\u0000${scope.region}\u0000${logGroupName}\u0000${logStreamName}`;
}
