import { BIGINT, DuckDBDataChunk, INTEGER, DuckDBVector, LIST, VARCHAR, type DuckDBAppender } from '@duckdb/node-api';
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
/** The message's UTF-8 size (migration 0005). */
const MESSAGE_BYTES = 6;
/** An invocation record's indexed fields, NULL for other messages (migration 0006, indexed-fields.ts). */
const RECORD_FIELDS = 7;
const COLUMN_TYPES = [BIGINT, BIGINT, BIGINT, BIGINT, BIGINT, VARCHAR, INTEGER, LIST(VARCHAR)];
const FIELDS_PER_RECORD = INDEXED_FIELDS.length;
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
  private readonly sizes = new Int32Array(this.capacity);
  /** A list vector's entries: (offset, length) into its child vector, per row. */
  private readonly listEntries = new BigUint64Array(this.capacity * 2);
  /** One validity bit per row (64-bit words, little-endian), as DuckDB's vectors hold them. */
  private readonly listValidity = new Uint8Array(this.capacity / 8);
  private fieldValidity = new Uint8Array(this.capacity * FIELDS_PER_RECORD / 8);
  /** The rows of the chunk being filled that are invocation records, and their field values. */
  private readonly recordRows: number[] = [];
  private readonly recordValues: (string | null)[][] = [];
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
      this.recordRows.length = 0;
      this.recordValues.length = 0;
      for (let row = 0; row < rows; row++) {
        const event = events[start + row] as NewLogEvent;
        this.numbers[row] = BigInt(event.timestamp);
        if (event.timestamp < minTimestamp) minTimestamp = event.timestamp;
        if (event.timestamp > maxTimestamp) maxTimestamp = event.timestamp;
        const size = this.assignMessage(messages, row, event.message);
        this.sizes[row] = size;
        bytes += size;
        const values = indexedFieldValues(event.message);
        if (values !== undefined) {
          this.recordRows.push(row);
          this.recordValues.push(values);
        }
      }
      this.copyNumbers(chunk, TIMESTAMP, rows);
      this.fillRecordFields(chunk, rows);
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

  /**
   * The record_fields list of every row: NULL but for the invocation records, whose lists are consecutive runs of
   * FIELDS_PER_RECORD items in the child vector. Everything is written, so a pooled chunk keeps nothing of its last use.
   */
  private fillRecordFields(chunk: DuckDBDataChunk, rows: number): void {
    const list = bindings.data_chunk_get_vector(chunk.chunk, RECORD_FIELDS);
    const items = this.recordRows.length * FIELDS_PER_RECORD;
    this.listEntries.fill(0n, 0, rows * 2);
    this.listValidity.fill(0);
    if (this.fieldValidity.length * 8 < items) this.fieldValidity = new Uint8Array(Math.ceil(items / 64) * 8);
    this.fieldValidity.fill(0);
    bindings.list_vector_reserve(list, items);
    bindings.list_vector_set_size(list, items);
    // Taken after the reserve, which may reallocate the child.
    const child = bindings.list_vector_get_child(list);
    this.recordRows.forEach((row, record) => {
      const first = record * FIELDS_PER_RECORD;
      this.listEntries[row * 2] = BigInt(first);
      this.listEntries[row * 2 + 1] = BigInt(FIELDS_PER_RECORD);
      setBit(this.listValidity, row);
      (this.recordValues[record] as (string | null)[]).forEach((value, field) => {
        if (value === null) return;
        setBit(this.fieldValidity, first + field);
        this.assignMessage(child, first + field, value);
      });
    });
    bindings.copy_data_to_vector(list, 0, this.listEntries.buffer, this.listEntries.byteOffset, rows * 2 * BigUint64Array.BYTES_PER_ELEMENT);
    bindings.vector_ensure_validity_writable(list);
    bindings.copy_data_to_vector_validity(list, 0, this.listValidity.buffer, this.listValidity.byteOffset, this.listValidity.byteLength);
    if (items > 0) {
      bindings.vector_ensure_validity_writable(child);
      bindings.copy_data_to_vector_validity(child, 0, this.fieldValidity.buffer, this.fieldValidity.byteOffset, Math.ceil(items / 64) * 8);
    }
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

function setBit(mask: Uint8Array, index: number): void {
  mask[index >> 3] = (mask[index >> 3] ?? 0) | (1 << (index & 7));
}
