import { BIGINT, DuckDBDataChunk, INTEGER, DuckDBVector, VARCHAR, type DuckDBAppender, type DuckDBType } from '@duckdb/node-api';
// The raw bindings (the layer @duckdb/node-api is built on, same pinned version) let whole columns be copied from
// typed arrays and strings be assigned without the per-item caches of the high-level vector classes: about half the
// main-thread cost per event, which is what bounds ingest.
import bindings from '@duckdb/node-bindings';
import { isUtf8LogEvents, utf8Message, type NewLogEvent, type NewLogEvents, type Utf8LogEvents } from '../storage/index.js';
import type { StreamIds } from './id-cache.js';
import { INDEXED_FIELDS, indexedFieldValues, mayBeRecord } from './indexed-fields.js';

/** Column order shared by log_events and log_records (event-tables.ts). */
const GROUP_ID = 0;
const STREAM_ID = 1;
const TIMESTAMP = 2;
const INGESTION_TIME = 3;
const SEQ = 4;
const MESSAGE = 5;
/** The message's UTF-8 size (migration 0005). */
const MESSAGE_BYTES = 6;
/** log_records then has one VARCHAR per indexed invocation-record field. */
const FIRST_FIELD = 7;
const SHARED_TYPES: readonly DuckDBType[] = [BIGINT, BIGINT, BIGINT, BIGINT, BIGINT, VARCHAR, INTEGER];
const MAX_POOLED_CHUNKS = 64;
// TableFiller writes int64 values as two 32-bit halves, low half first, as DuckDB reads them on little-endian CPUs.
if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('event chunks assume a little-endian CPU');

type Vector = ReturnType<typeof bindings.data_chunk_get_vector>;

/** Rows for one of the two event tables, and each row's position in its append: its seq is `firstSeq + position`. */
export interface TableChunk {
  readonly chunk: DuckDBDataChunk;
  readonly positions: Int32Array;
}

/** One append's events, already in DuckDB column vectors, with what the stream and group metadata need. */
export interface FilledEvents {
  readonly ids: StreamIds;
  readonly count: number;
  readonly minTimestamp: number;
  readonly maxTimestamp: number;
  readonly ingestionTime: number;
  /** UTF-8 bytes of all messages: exactly what DuckDB stores, so storedBytes needs no scan. */
  readonly bytes: number;
  /** Rows for log_events. */
  readonly plain: readonly TableChunk[];
  /** Rows for log_records: the invocation records whose fields were extracted. */
  readonly records: readonly TableChunk[];
}

/** Whichever table a chunk's rows go to, its appender; a commit without records need not open theirs. */
export interface TableAppenders {
  readonly plain: DuckDBAppender;
  readonly records: DuckDBAppender | undefined;
}

/**
 * Builds DuckDB data chunks (one vector, 2048 rows, per column) straight from events, plain events and invocation
 * records apart. Filling happens when an append arrives, outside the write lane, so it overlaps with the commit in
 * progress; only the seq column is left for the lane, because seq numbers must follow commit order.
 */
export class EventChunks {
  private readonly text = new TextBuffer();
  private readonly plain = new TableFiller(SHARED_TYPES, 0, this.text);
  private readonly records = new TableFiller([...SHARED_TYPES, ...INDEXED_FIELDS.map(() => VARCHAR)], INDEXED_FIELDS.length, this.text);

  fill(ids: StreamIds, events: NewLogEvents, ingestionTime: number): FilledEvents {
    const bounds = isUtf8LogEvents(events) ? this.addUtf8(events) : this.addObjects(events);
    return {
      ids, count: events.length, ingestionTime, ...bounds,
      plain: this.plain.finish(ids, ingestionTime),
      records: this.records.finish(ids, ingestionTime),
    };
  }

  private addObjects(events: readonly NewLogEvent[]): FilledBounds {
    const bounds = new BoundsTracker();
    events.forEach((event, position) => {
      bounds.see(event.timestamp);
      const fields = indexedFieldValues(event.message);
      bounds.bytes += fields === undefined ? this.plain.add(event.timestamp, position, event.message) : this.records.add(event.timestamp, position, event.message, fields);
    });
    return bounds.result();
  }

  /** Messages go into the vectors as the bytes they are; only one that starts like a record is decoded, to be looked at. */
  private addUtf8(events: Utf8LogEvents): FilledBounds {
    const bounds = new BoundsTracker();
    const { timestamps, bytes, starts, ends } = events;
    for (let position = 0; position < events.length; position++) {
      const timestamp = timestamps[position] as number;
      const start = starts[position] as number;
      const end = ends[position] as number;
      bounds.see(timestamp);
      const message = mayBeRecord(bytes, start, end) ? utf8Message(events, position) : undefined;
      const fields = message === undefined ? undefined : indexedFieldValues(message);
      bounds.bytes += message === undefined || fields === undefined
        ? this.plain.add(timestamp, position, message ?? bytes.subarray(start, end))
        : this.records.add(timestamp, position, message, fields);
    }
    return bounds.result();
  }

  /** Numbers the events `firstSeq`, `firstSeq + 1`, ... in append order and hands their chunks to the appenders. */
  append(appenders: TableAppenders, filled: FilledEvents, firstSeq: number): void {
    for (const table of filled.plain) this.plain.append(appenders.plain, table, firstSeq);
    if (filled.records.length === 0) return;
    if (appenders.records === undefined) throw new Error('invocation records to append without their appender');
    for (const table of filled.records) this.records.append(appenders.records, table, firstSeq);
  }

  /** Returns the chunks for reuse; the reset also frees the strings they hold. */
  release(filled: FilledEvents): void {
    this.plain.release(filled.plain);
    this.records.release(filled.records);
  }
}

type FilledBounds = Pick<FilledEvents, 'minTimestamp' | 'maxTimestamp' | 'bytes'>;

class BoundsTracker {
  minTimestamp = Number.POSITIVE_INFINITY;
  maxTimestamp = Number.NEGATIVE_INFINITY;
  bytes = 0;

  see(timestamp: number): void {
    if (timestamp < this.minTimestamp) this.minTimestamp = timestamp;
    if (timestamp > this.maxTimestamp) this.maxTimestamp = timestamp;
  }

  result(): FilledBounds {
    return { minTimestamp: this.minTimestamp, maxTimestamp: this.maxTimestamp, bytes: this.bytes };
  }
}

/** One table's chunks: the one being filled, and a pool of used ones. */
class TableFiller {
  private readonly capacity = DuckDBVector.standardSize();
  private readonly numbers = new BigInt64Array(this.capacity);
  /** `numbers` as pairs of 32-bit halves, so per-row values are written without making a BigInt each. */
  private readonly halves = new Int32Array(this.numbers.buffer);
  private readonly sizes = new Int32Array(this.capacity);
  /** One validity bit per row for each field column (64-bit words, little-endian). */
  private readonly validity: Uint8Array<ArrayBuffer>[];
  private readonly pool: TableChunk[] = [];
  private readonly done: TableChunk[] = [];
  private current: TableChunk | undefined;
  /** The current chunk's message vector, then its field vectors. */
  private vectors: Vector[] = [];
  private rows = 0;

  constructor(
    private readonly types: readonly DuckDBType[],
    fieldCount: number,
    private readonly text: TextBuffer,
  ) {
    this.validity = Array.from({ length: fieldCount }, () => new Uint8Array(this.capacity / 8));
  }

  /** Adds one event as the next row; returns its message's UTF-8 size. */
  add(timestamp: number, position: number, message: string | Uint8Array, fields?: readonly (string | null)[]): number {
    if (this.rows === this.capacity) this.seal();
    const table = this.current ?? this.begin();
    const row = this.rows++;
    table.positions[row] = position;
    this.setNumber(row, timestamp);
    const size = this.text.assign(this.vectors[0] as Vector, row, message);
    this.sizes[row] = size;
    fields?.forEach((value, index) => {
      if (value === null) return;
      const mask = this.validity[index] as Uint8Array;
      mask[row >> 3] = (mask[row >> 3] ?? 0) | (1 << (row & 7));
      this.text.assign(this.vectors[1 + index] as Vector, row, value);
    });
    return size;
  }

  private begin(): TableChunk {
    const table = this.pool.pop() ?? { chunk: DuckDBDataChunk.create([...this.types]), positions: new Int32Array(this.capacity) };
    this.current = table;
    this.vectors = [MESSAGE, ...this.validity.map((_, index) => FIRST_FIELD + index)].map((column) => bindings.data_chunk_get_vector(table.chunk.chunk, column));
    return table;
  }

  /** Completes the chunks filled since the last call with the columns every row of an append shares. */
  finish(ids: StreamIds, ingestionTime: number): TableChunk[] {
    this.seal();
    const chunks = this.done.splice(0);
    for (const { chunk } of chunks) {
      const rows = chunk.rowCount;
      this.copyConstant(chunk, GROUP_ID, BigInt(ids.groupId), rows);
      this.copyConstant(chunk, STREAM_ID, BigInt(ids.streamId), rows);
      this.copyConstant(chunk, INGESTION_TIME, BigInt(ingestionTime), rows);
    }
    return chunks;
  }

  append(appender: DuckDBAppender, table: TableChunk, firstSeq: number): void {
    const rows = table.chunk.rowCount;
    for (let row = 0; row < rows; row++) this.setNumber(row, firstSeq + (table.positions[row] as number));
    this.copyNumbers(table.chunk, SEQ, rows);
    appender.appendDataChunk(table.chunk);
  }

  release(tables: readonly TableChunk[]): void {
    for (const table of tables) {
      table.chunk.reset();
      if (this.pool.length < MAX_POOLED_CHUNKS) this.pool.push(table);
    }
  }

  /** Writes the buffered per-row columns of the chunk being filled and sets it aside. */
  private seal(): void {
    const table = this.current;
    if (table === undefined) return;
    const { chunk } = table;
    const rows = this.rows;
    chunk.rowCount = rows;
    this.copyNumbers(chunk, TIMESTAMP, rows);
    bindings.copy_data_to_vector(bindings.data_chunk_get_vector(chunk.chunk, MESSAGE_BYTES), 0, this.sizes.buffer, this.sizes.byteOffset, rows * Int32Array.BYTES_PER_ELEMENT);
    // Validity bits built in JavaScript and copied once per chunk, as @duckdb/node-api's own vectors do.
    this.validity.forEach((mask, index) => {
      const vector = bindings.data_chunk_get_vector(chunk.chunk, FIRST_FIELD + index);
      bindings.vector_ensure_validity_writable(vector);
      bindings.copy_data_to_vector_validity(vector, 0, mask.buffer, mask.byteOffset, mask.byteLength);
      mask.fill(0);
    });
    this.done.push(table);
    this.current = undefined;
    this.rows = 0;
  }

  /** A safe integer as a little-endian int64: the low half is the value modulo 2^32, the high half the rest. */
  private setNumber(row: number, value: number): void {
    this.halves[2 * row] = value >>> 0;
    this.halves[2 * row + 1] = Math.floor(value / 0x1_0000_0000);
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

/** Strings up to this many UTF-8 bytes are passed through a view made once per length. */
const CACHED_VIEW_BYTES = 64 * 1024;

/** Strings into DuckDB vectors through one reused UTF-8 buffer. */
class TextBuffer {
  private bytes = Buffer.allocUnsafe(CACHED_VIEW_BYTES);
  /** `views[n]` is the first n bytes of `bytes`: a new view for every string was a quarter of filling's cost. */
  private views: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(CACHED_VIEW_BYTES + 1);

  /**
   * Through bytes with an explicit length: the C-string variant would cut a message at its first NUL. Bytes that are
   * UTF-8 already go in as they are.
   */
  assign(vector: Vector, row: number, text: string | Uint8Array): number {
    if (typeof text !== 'string') {
      bindings.vector_assign_string_element_len(vector, row, text);
      return text.length;
    }
    // A UTF-16 code unit never needs more than 3 UTF-8 bytes, so the write below is never truncated.
    if (text.length * 3 > this.bytes.length) {
      this.bytes = Buffer.allocUnsafe(text.length * 3);
      this.views = new Array<Uint8Array | undefined>(CACHED_VIEW_BYTES + 1);
    }
    const length = this.bytes.write(text, 0);
    const view = length <= CACHED_VIEW_BYTES ? (this.views[length] ??= this.bytes.subarray(0, length)) : this.bytes.subarray(0, length);
    bindings.vector_assign_string_element_len(vector, row, view);
    return length;
  }
}
