import { BIGINT, BOOLEAN, DuckDBDataChunk, INTEGER, DuckDBVector, VARCHAR, type DuckDBAppender } from '@duckdb/node-api';
// The raw bindings (the layer @duckdb/node-api is built on, same pinned version) let whole columns be copied from
// typed arrays and strings be assigned without the per-item caches of the high-level vector classes: about half the
// main-thread cost per event, which is what bounds ingest.
import bindings from '@duckdb/node-bindings';
import type { NewLogEvent } from '../storage/index.js';
import type { StreamIds } from './id-cache.js';
import { INDEXED_FIELDS, indexedFieldValues } from './indexed-fields.js';

/** log_events column order. */
const GROUP_ID = 0;
const STREAM_ID = 1;
const TIMESTAMP = 2;
const INGESTION_TIME = 3;
const SEQ = 4;
const MESSAGE = 5;
/** Then `fields_indexed` and one VARCHAR per indexed invocation-record field (migration 0005). */
const INDEXED_FLAG = 6;
const FIRST_INDEXED = 7;
/** Then the message's UTF-8 size (migration 0005 too). */
const MESSAGE_BYTES = FIRST_INDEXED + INDEXED_FIELDS.length;
const COLUMN_TYPES = [BIGINT, BIGINT, BIGINT, BIGINT, BIGINT, VARCHAR, BOOLEAN, ...INDEXED_FIELDS.map(() => VARCHAR), INTEGER];
const MAX_POOLED_CHUNKS = 64;

/** One append's events, already in DuckDB column vectors, with what the stream and group metadata need. */
export interface FilledEvents {
  readonly ids: StreamIds;
  readonly count: number;
  readonly minTimestamp: number;
  readonly maxTimestamp: number;
  readonly ingestionTime: number;
  /** UTF-8 bytes of all messages: exactly what DuckDB stores, so storedBytes needs no scan. */
  readonly bytes: number;
  readonly chunks: readonly DuckDBDataChunk[];
}

/**
 * Builds DuckDB data chunks (one vector, 2048 rows, per column) straight from events. Filling happens when an
 * append arrives, outside the write lane, so it overlaps with the commit in progress; only the seq column is left
 * for the lane, because seq numbers must follow commit order.
 */
export class EventChunks {
  private readonly capacity = DuckDBVector.standardSize();
  private readonly numbers = new BigInt64Array(this.capacity);
  private readonly flags = new Uint8Array(this.capacity);
  private readonly sizes = new Int32Array(this.capacity);
  /** One validity bit per row for each indexed field's column (64-bit words, little-endian). */
  private readonly validity = INDEXED_FIELDS.map(() => new Uint8Array(this.capacity / 8));
  private readonly pool: DuckDBDataChunk[] = [];
  private text = Buffer.allocUnsafe(64 * 1024);

  fill(ids: StreamIds, events: readonly NewLogEvent[], ingestionTime: number): FilledEvents {
    const chunks: DuckDBDataChunk[] = [];
    let bytes = 0;
    let minTimestamp = Number.POSITIVE_INFINITY;
    let maxTimestamp = Number.NEGATIVE_INFINITY;
    for (let start = 0; start < events.length; start += this.capacity) {
      const rows = Math.min(this.capacity, events.length - start);
      const chunk = this.pool.pop() ?? DuckDBDataChunk.create(COLUMN_TYPES);
      chunk.rowCount = rows;
      this.copyConstant(chunk, GROUP_ID, BigInt(ids.groupId), rows);
      this.copyConstant(chunk, STREAM_ID, BigInt(ids.streamId), rows);
      this.copyConstant(chunk, INGESTION_TIME, BigInt(ingestionTime), rows);
      const messages = bindings.data_chunk_get_vector(chunk.chunk, MESSAGE);
      for (const mask of this.validity) mask.fill(0);
      for (let row = 0; row < rows; row++) {
        const event = events[start + row] as NewLogEvent;
        this.numbers[row] = BigInt(event.timestamp);
        if (event.timestamp < minTimestamp) minTimestamp = event.timestamp;
        if (event.timestamp > maxTimestamp) maxTimestamp = event.timestamp;
        const size = this.assignMessage(messages, row, event.message);
        this.sizes[row] = size;
        bytes += size;
        this.assignIndexed(chunk, row, event.message);
      }
      this.copyNumbers(chunk, TIMESTAMP, rows);
      bindings.copy_data_to_vector(bindings.data_chunk_get_vector(chunk.chunk, INDEXED_FLAG), 0, this.flags.buffer, this.flags.byteOffset, rows);
      this.copyValidity(chunk);
      bindings.copy_data_to_vector(bindings.data_chunk_get_vector(chunk.chunk, MESSAGE_BYTES), 0, this.sizes.buffer, this.sizes.byteOffset, rows * Int32Array.BYTES_PER_ELEMENT);
      chunks.push(chunk);
    }
    return { ids, count: events.length, minTimestamp, maxTimestamp, ingestionTime, bytes, chunks };
  }

  /** Numbers the events `firstSeq`, `firstSeq + 1`, ... and hands their chunks to the appender. */
  append(appender: DuckDBAppender, filled: FilledEvents, firstSeq: number): void {
    let seq = firstSeq;
    for (const chunk of filled.chunks) {
      const rows = chunk.rowCount;
      for (let row = 0; row < rows; row++) this.numbers[row] = BigInt(seq++);
      this.copyNumbers(chunk, SEQ, rows);
      appender.appendDataChunk(chunk);
    }
  }

  /** Returns the chunks for reuse; the reset also frees the strings they hold. */
  release(filled: FilledEvents): void {
    for (const chunk of filled.chunks) {
      chunk.reset();
      if (this.pool.length < MAX_POOLED_CHUNKS) this.pool.push(chunk);
    }
  }

  /** Invocation records get their indexed fields (NULL where absent) and the flag; other messages only NULLs. */
  private assignIndexed(chunk: DuckDBDataChunk, row: number, message: string): void {
    const values = indexedFieldValues(message);
    this.flags[row] = values === undefined ? 0 : 1;
    if (values === undefined) return;
    values.forEach((value, index) => {
      if (value === null) return;
      const mask = this.validity[index] as Uint8Array;
      mask[row >> 3] = (mask[row >> 3] ?? 0) | (1 << (row & 7));
      this.assignMessage(bindings.data_chunk_get_vector(chunk.chunk, FIRST_INDEXED + index), row, value);
    });
  }

  /** Validity bits built in JavaScript and copied once per chunk, as @duckdb/node-api's own vectors do. */
  private copyValidity(chunk: DuckDBDataChunk): void {
    this.validity.forEach((mask, index) => {
      const vector = bindings.data_chunk_get_vector(chunk.chunk, FIRST_INDEXED + index);
      bindings.vector_ensure_validity_writable(vector);
      bindings.copy_data_to_vector_validity(vector, 0, mask.buffer, mask.byteOffset, mask.byteLength);
    });
  }

  /** Through bytes with an explicit length: the C-string variant would cut a message at its first NUL. */
  private assignMessage(vector: ReturnType<typeof bindings.data_chunk_get_vector>, row: number, message: string): number {
    // A UTF-16 code unit never needs more than 3 UTF-8 bytes, so the write below is never truncated.
    if (message.length * 3 > this.text.length) this.text = Buffer.allocUnsafe(message.length * 3);
    const length = this.text.write(message, 0);
    bindings.vector_assign_string_element_len(vector, row, this.text.subarray(0, length));
    return length;
  }

  private copyConstant(chunk: DuckDBDataChunk, column: number, value: bigint, rows: number): void {
    this.numbers.fill(value, 0, rows);
    this.copyNumbers(chunk, column, rows);
  }

  private copyNumbers(chunk: DuckDBDataChunk, column: number, rows: number): void {
    const vector = bindings.data_chunk_get_vector(chunk.chunk, column);
    bindings.copy_data_to_vector(vector, 0, this.numbers.buffer, this.numbers.byteOffset, rows * BigInt64Array.BYTES_PER_ELEMENT);
  }
}
