import type { FilledEvents } from './event-chunks.js';

export interface StreamDelta {
  minTimestamp: number;
  maxTimestamp: number;
  ingestionTime: number;
  bytes: number;
}

/**
 * What committed events change in log_streams (event time range, last ingestion, bytes) and log_groups
 * (storedBytes), summed in memory while the events are filled, so they are applied as constants rather than by
 * scanning the rows (pending-metadata.ts says when).
 */
export class MetadataDeltas {
  private readonly streams = new Map<number, StreamDelta>();
  private readonly groups = new Map<number, number>();

  add(filled: FilledEvents): void {
    const { streamId, groupId } = filled.ids;
    this.addStream(streamId, groupId, filled);
  }

  /** One stream's change; streams and groups seen before are summed into what they already have. */
  addStream(streamId: number, groupId: number, delta: Readonly<StreamDelta>): void {
    this.sumStream(streamId, delta);
    this.sumGroup(groupId, delta.bytes);
  }

  /** Takes in another set of deltas, as if its events had been added here. */
  merge(other: MetadataDeltas): void {
    for (const [streamId, delta] of other.streams) this.sumStream(streamId, delta);
    for (const [groupId, bytes] of other.groups) this.sumGroup(groupId, bytes);
  }

  get isEmpty(): boolean {
    return this.streams.size === 0;
  }

  private sumStream(streamId: number, delta: Readonly<StreamDelta>): void {
    const known = this.streams.get(streamId);
    if (known === undefined) {
      this.streams.set(streamId, { minTimestamp: delta.minTimestamp, maxTimestamp: delta.maxTimestamp, ingestionTime: delta.ingestionTime, bytes: delta.bytes });
      return;
    }
    known.minTimestamp = Math.min(known.minTimestamp, delta.minTimestamp);
    known.maxTimestamp = Math.max(known.maxTimestamp, delta.maxTimestamp);
    known.ingestionTime = Math.max(known.ingestionTime, delta.ingestionTime);
    known.bytes += delta.bytes;
  }

  private sumGroup(groupId: number, bytes: number): void {
    this.groups.set(groupId, (this.groups.get(groupId) ?? 0) + bytes);
  }

  /**
   * Two statements, whatever the number of streams: the deltas as VALUES lists. Inlined rather than bound, so they
   * run as one batch (DuckDB binds parameters only in single prepared statements); every value is a safe integer
   * this store computed, which `integer` enforces.
   */
  statements(): string {
    if (this.streams.size === 0) return '';
    const streamRows = [...this.streams].map(([streamId, d]) =>
      `(${integer(streamId)}, ${integer(d.minTimestamp)}, ${integer(d.maxTimestamp)}, ${integer(d.ingestionTime)}, ${integer(d.bytes)})`,
    );
    const groupRows = [...this.groups].map(([groupId, bytes]) => `(${integer(groupId)}, ${integer(bytes)})`);
    return `UPDATE log_streams SET
         first_event_timestamp = least(log_streams.first_event_timestamp, v.min_timestamp),
         last_event_timestamp = greatest(log_streams.last_event_timestamp, v.max_timestamp),
         last_ingestion_time = greatest(log_streams.last_ingestion_time, v.ingestion_time),
         stored_bytes = log_streams.stored_bytes + v.bytes
       FROM (VALUES ${streamRows.join(', ')}) AS v(stream_id, min_timestamp, max_timestamp, ingestion_time, bytes)
       WHERE log_streams.stream_id = v.stream_id;
     UPDATE log_groups SET stored_bytes = log_groups.stored_bytes + v.bytes
       FROM (VALUES ${groupRows.join(', ')}) AS v(group_id, bytes)
       WHERE log_groups.group_id = v.group_id;`;
  }
}

/** A BIGINT literal. */
function integer(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`);
  return `CAST(${value} AS BIGINT)`;
}
