import type { FilledEvents } from './event-chunks.js';
import type { SqlRunner } from './sql-runner.js';
import { SqlParams } from './sql-values.js';

interface StreamDelta {
  minTimestamp: number;
  maxTimestamp: number;
  ingestionTime: number;
  bytes: number;
}

/**
 * What one commit changes in log_streams (event time range, last ingestion, bytes) and log_groups (storedBytes),
 * summed in memory while the events are filled, so the commit applies constants instead of scanning its own rows.
 */
export class MetadataDeltas {
  private readonly streams = new Map<number, StreamDelta>();
  private readonly groups = new Map<number, number>();

  add(filled: FilledEvents): void {
    const { streamId, groupId } = filled.ids;
    const known = this.streams.get(streamId);
    if (known === undefined) {
      this.streams.set(streamId, { minTimestamp: filled.minTimestamp, maxTimestamp: filled.maxTimestamp, ingestionTime: filled.ingestionTime, bytes: filled.bytes });
    } else {
      known.minTimestamp = Math.min(known.minTimestamp, filled.minTimestamp);
      known.maxTimestamp = Math.max(known.maxTimestamp, filled.maxTimestamp);
      known.ingestionTime = Math.max(known.ingestionTime, filled.ingestionTime);
      known.bytes += filled.bytes;
    }
    this.groups.set(groupId, (this.groups.get(groupId) ?? 0) + filled.bytes);
  }

  /** Two statements, whatever the number of streams: the deltas travel as a VALUES list of bound BIGINTs. */
  async apply(db: SqlRunner): Promise<void> {
    if (this.streams.size === 0) return;
    const p = new SqlParams();
    const streamRows = [...this.streams].map(([streamId, d]) =>
      `(${p.bigint(streamId)}, ${p.bigint(d.minTimestamp)}, ${p.bigint(d.maxTimestamp)}, ${p.bigint(d.ingestionTime)}, ${p.bigint(d.bytes)})`,
    );
    await db.run(
      `UPDATE log_streams SET
         first_event_timestamp = least(log_streams.first_event_timestamp, v.min_timestamp),
         last_event_timestamp = greatest(log_streams.last_event_timestamp, v.max_timestamp),
         last_ingestion_time = greatest(log_streams.last_ingestion_time, v.ingestion_time),
         stored_bytes = log_streams.stored_bytes + v.bytes
       FROM (VALUES ${streamRows.join(', ')}) AS v(stream_id, min_timestamp, max_timestamp, ingestion_time, bytes)
       WHERE log_streams.stream_id = v.stream_id`,
      p,
    );
    const g = new SqlParams();
    const groupRows = [...this.groups].map(([groupId, bytes]) => `(${g.bigint(groupId)}, ${g.bigint(bytes)})`);
    await db.run(
      `UPDATE log_groups SET stored_bytes = log_groups.stored_bytes + v.bytes
       FROM (VALUES ${groupRows.join(', ')}) AS v(group_id, bytes)
       WHERE log_groups.group_id = v.group_id`,
      g,
    );
  }
}
