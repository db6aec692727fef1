import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { AppendOutcome, NewLogEvents, Scope } from '../storage/index.js';
import type { EventChunks, FilledEvents } from './event-chunks.js';
import { EVENT_TABLES, PLAIN_EVENTS } from './event-tables.js';
import { lookupStream } from './lookups.js';
import { MetadataDeltas } from './metadata-deltas.js';
import type { ReusableAppender } from './reusable-appender.js';
import type { SqlRunner } from './sql-runner.js';
import type { StoreContext } from './store-context.js';

/**
 * A temporary table shaped like each event table that each commit fills through an appender on the event loop (a
 * plain copy), then moves into its table with one INSERT ... SELECT that runs on DuckDB's thread with the COMMIT.
 * So the compression of a commit's row groups never blocks the event loop, as an appender on the table would.
 */
function stagingTable(table: string): string {
  return `staged_${table}`;
}

function staged(table: string): string {
  return `temp.main.${stagingTable(table)}`;
}

/** Creates the table's staging table on the write connection if need be, and an appender on it. */
export async function openStagedAppender(connection: DuckDBConnection, table: string): Promise<DuckDBAppender> {
  await connection.run(`CREATE TEMP TABLE IF NOT EXISTS ${stagingTable(table)} AS SELECT * FROM ${table} LIMIT 0`);
  return connection.createAppender(stagingTable(table), 'main', 'temp');
}

/**
 * An append waiting in the group-commit queue: its events as DuckDB chunks, filled when the stream's ids were cached
 * on arrival, or else the events themselves. Never both: a commit takes tens of milliseconds, and event objects
 * (whose messages are slices of the whole request body) that live that long survive into V8's old generation. With
 * them kept, 2 M ingested events promoted 404 MB into the old generation and took 44 full GCs; without, 11 MB and 3.
 */
export type PendingAppend = {
  readonly scope: Scope;
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly count: number;
  readonly ingestionTime: number;
} & ({ readonly filled: FilledEvents; readonly events?: undefined } | { readonly events: NewLogEvents; readonly filled?: undefined });

/** One group-commit turn, running alone on the write lane. */
export interface CommitTurn {
  readonly ctx: StoreContext;
  readonly db: SqlRunner;
  readonly chunks: EventChunks;
  /** The staging tables' appenders on the write connection (openStagedAppender). */
  readonly appenders: { readonly plain: ReusableAppender; readonly records: ReusableAppender };
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
      const count = append.count;
      const firstSeq = ctx.counters.take('next_seq', count);
      outcomes.push({ kind: 'appended', firstSeq, count });
      const filled = prefilled ?? (count > 0 && append.events !== undefined ? chunks.fill(ids, append.events, append.ingestionTime) : undefined);
      if (filled !== undefined) {
        toRelease.add(filled);
        writes.push({ filled, firstSeq });
      }
    }
    if (writes.length > 0) await writeEvents(turn, writes);
    return outcomes;
  } finally {
    for (const filled of toRelease) chunks.release(filled);
  }
}

/**
 * One transaction in two round trips to DuckDB's thread: BEGIN, then (after the rows went through the appender on
 * this thread) the moves into the event tables and the COMMIT as one batch of statements. Every round trip also
 * waits for the event loop, which is busy parsing the next requests, and the write lane is idle meanwhile. The
 * stream and group metadata the events change is handed on once they are committed, to be written later
 * (pending-metadata.ts).
 */
async function writeEvents(turn: CommitTurn, writes: readonly NumberedEvents[]): Promise<void> {
  const { db } = turn;
  const deltas = new MetadataDeltas();
  await db.run('BEGIN TRANSACTION');
  try {
    const plain = await turn.appenders.plain.get();
    const hasRecords = writes.some((write) => write.filled.records.length > 0);
    const records = hasRecords ? await turn.appenders.records.get() : undefined;
    for (const write of writes) {
      turn.chunks.append({ plain, records }, write.filled, write.firstSeq);
      deltas.add(write.filled);
    }
    plain.flushSync();
    records?.flushSync();
    const moves = (hasRecords ? EVENT_TABLES : [PLAIN_EVENTS]).map((table) => `INSERT INTO ${table} SELECT * FROM ${staged(table)};\nDELETE FROM ${staged(table)};`);
    await db.run(`${moves.join('\n')}\nCOMMIT;`);
  } catch (error) {
    // Drop buffered rows: an appender flushed later would otherwise write them outside this transaction.
    turn.appenders.plain.discard();
    turn.appenders.records.discard();
    await db.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
  turn.ctx.metadata.add(deltas);
}
