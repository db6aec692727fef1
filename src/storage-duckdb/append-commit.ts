import type { AppendOutcome, NewLogEvent, Scope } from '../storage/index.js';
import type { EventChunks, FilledEvents } from './event-chunks.js';
import { lookupStream } from './lookups.js';
import { MetadataDeltas } from './metadata-deltas.js';
import type { SqlRunner } from './sql-runner.js';
import type { StoreContext } from './store-context.js';
import { inTransaction } from './write-lane.js';

/** An append waiting in the group-commit queue. */
export interface PendingAppend {
  readonly scope: Scope;
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly events: readonly NewLogEvent[];
  readonly ingestionTime: number;
  /** Present when the stream's ids were cached on arrival: the events are already in DuckDB chunks. */
  readonly filled: FilledEvents | undefined;
}

/** One group-commit turn, running alone on the write lane. */
export interface CommitTurn {
  readonly ctx: StoreContext;
  readonly db: SqlRunner;
  readonly chunks: EventChunks;
}

interface NumberedEvents {
  readonly filled: FilledEvents;
  readonly firstSeq: number;
}

/**
 * Writes a batch of appends in one transaction and returns each one's outcome, in batch order. Names are checked
 * here, on the lane: a stream deleted before this turn is reported missing and none of its rows are written, even
 * if they were already filled into chunks under the old ids.
 */
export async function commitAppends(turn: CommitTurn, batch: readonly PendingAppend[]): Promise<AppendOutcome[]> {
  const { ctx, db, chunks } = turn;
  const outcomes: AppendOutcome[] = [];
  const writes: NumberedEvents[] = [];
  // Every chunk set goes back to the pool exactly once, whatever happens (a chunk pooled twice would be shared).
  const toRelease = new Set<FilledEvents>();
  for (const append of batch) if (append.filled !== undefined) toRelease.add(append.filled);
  try {
    for (const append of batch) {
      const ids = await lookupStream(ctx, db, append, true);
      const prefilled = append.filled;
      if (typeof ids === 'string' || (prefilled !== undefined && prefilled.ids.streamId !== ids.streamId)) {
        // Different ids: the stream was deleted (and recreated) after this append arrived.
        outcomes.push({ kind: typeof ids === 'string' ? ids : 'no-stream' });
        continue;
      }
      const count = append.events.length;
      const firstSeq = ctx.counters.take('next_seq', count);
      outcomes.push({ kind: 'appended', firstSeq, count });
      const filled = prefilled ?? (count > 0 ? chunks.fill(ids, append.events, append.ingestionTime) : undefined);
      if (filled !== undefined) {
        toRelease.add(filled);
        writes.push({ filled, firstSeq });
      }
    }
    if (writes.length > 0) await inTransaction(db, (tx) => writeEvents(turn, tx, writes));
    return outcomes;
  } finally {
    for (const filled of toRelease) chunks.release(filled);
  }
}

async function writeEvents(turn: CommitTurn, db: SqlRunner, writes: readonly NumberedEvents[]): Promise<void> {
  const appender = await turn.ctx.lane.connection.createAppender('log_events');
  const deltas = new MetadataDeltas();
  try {
    for (const write of writes) {
      turn.chunks.append(appender, write.filled, write.firstSeq);
      deltas.add(write.filled);
    }
    appender.closeSync();
  } catch (error) {
    // Drop buffered rows: an appender finalised later would otherwise flush them outside this transaction.
    appender.clear();
    throw error;
  }
  await deltas.apply(db);
}
