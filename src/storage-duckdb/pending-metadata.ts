import { EVENT_TABLES } from './event-tables.js';
import { MetadataDeltas } from './metadata-deltas.js';
import type { SqlRunner } from './sql-runner.js';
import { SqlParams, num } from './sql-values.js';
import type { StoreCounters } from './store-counters.js';
import { inTransaction, type WriteLane } from './write-lane.js';

/** The store_counters row (migration 0007): every event with a smaller seq is counted in log_streams and log_groups. */
const METADATA_SEQ = 'metadata_seq';

/**
 * The stream and group metadata of committed events (event time range, last ingestion, storedBytes) that is not
 * yet written to log_streams and log_groups. Writing it in every group commit cost two UPDATE statements there,
 * ~3.5 ms of DuckDB's planning and execution per commit whatever its size (~0.4 us an event, a tenth of the server's
 * CPU per ingested event). So it is written on the lane before any other write transaction (which may read or
 * change these columns), before a read of them (`settle`), about once a second, and on close: nobody can see it
 * late. It is durable without being written: each write records the seq below which every event is counted, and
 * on open `recover` sums the events from there on back into the pending metadata.
 */
export class PendingMetadata {
  private pending = new MetadataDeltas();

  private constructor(private readonly counters: StoreCounters) {}

  /**
   * The metadata of the events a crash left uncounted: those at or past the recorded seq. The seq column only grows
   * with commit order, so DuckDB skips every row group before it.
   */
  static async recover(db: SqlRunner, counters: StoreCounters): Promise<PendingMetadata> {
    const metadata = new PendingMetadata(counters);
    const markParams = new SqlParams();
    const marks = await db.rows(`SELECT value FROM store_counters WHERE name = ${markParams.text(METADATA_SEQ)}`, markParams);
    // Migration 0007 writes the row; without it every event would be counted again.
    if (marks[0] === undefined) throw new Error(`store_counters has no ${METADATA_SEQ} row`);
    const p = new SqlParams();
    const from = p.bigint(num(marks[0], 'value'));
    const events = EVENT_TABLES.map((table) => `SELECT group_id, stream_id, timestamp, ingestion_time, message FROM ${table} WHERE seq >= ${from}`);
    const rows = await db.rows(
      `SELECT group_id, stream_id, min(timestamp) AS min_timestamp, max(timestamp) AS max_timestamp,
         max(ingestion_time) AS ingestion_time, sum(strlen(message)) AS bytes
       FROM (${events.join(' UNION ALL ')}) GROUP BY group_id, stream_id`,
      p,
    );
    for (const row of rows) {
      metadata.pending.addStream(num(row, 'stream_id'), num(row, 'group_id'), {
        minTimestamp: num(row, 'min_timestamp'),
        maxTimestamp: num(row, 'max_timestamp'),
        ingestionTime: num(row, 'ingestion_time'),
        bytes: num(row, 'bytes'),
      });
    }
    return metadata;
  }

  /** A group commit's deltas, once its COMMIT succeeded. */
  add(deltas: MetadataDeltas): void {
    this.pending.merge(deltas);
  }

  /**
   * Writes what is pending in a transaction of its own; for the lane's turn in progress. Every seq handed out so far
   * belongs to a committed commit counted here or to a rolled-back one with no events, so the next seq is the mark.
   */
  async write(db: SqlRunner): Promise<void> {
    if (this.pending.isEmpty) return;
    const p = new SqlParams();
    await inTransaction(db, async (tx) => {
      await tx.run(this.pending.statements());
      await tx.run(`UPDATE store_counters SET value = ${p.bigint(this.counters.peek('next_seq'))} WHERE name = ${p.text(METADATA_SEQ)}`, p);
    });
    this.pending = new MetadataDeltas();
  }

  /** Resolves once everything pending is written: a lane turn of its own, if anything is. */
  settle(lane: WriteLane): Promise<void> {
    return this.pending.isEmpty ? Promise.resolve() : lane.exclusive((db) => this.write(db));
  }
}
