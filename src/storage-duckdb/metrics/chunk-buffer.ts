import { DuckDBDataChunk, DuckDBVector, type DuckDBAppender, type DuckDBType } from '@duckdb/node-api';
// Whole columns are copied from typed arrays through the raw bindings (as event-chunks.ts does for log events):
// several times cheaper per row than the appender's per-value calls, and ingest is bound by this main-thread work.
import bindings from '@duckdb/node-bindings';

export type ColumnArray = BigInt64Array | Float64Array | Int32Array | Int8Array;

/**
 * Rows of fixed-width columns filled into typed arrays, handed to an appender one DuckDB chunk (2048 rows) at a
 * time. The caller writes row `rows` of every array, then calls `next`.
 */
export class ChunkBuffer<Columns extends readonly ColumnArray[]> {
  static readonly capacity = DuckDBVector.standardSize();
  readonly columns: Columns;
  rows = 0;
  private readonly chunk: DuckDBDataChunk;
  private appender: DuckDBAppender | undefined;

  constructor(types: readonly DuckDBType[], columns: Columns) {
    this.columns = columns;
    this.chunk = DuckDBDataChunk.create(types);
  }

  /** Starts filling for `appender`; rows left from an aborted turn are dropped. */
  begin(appender: DuckDBAppender): void {
    this.appender = appender;
    this.rows = 0;
  }

  /** Completes the current row, handing a full chunk to the appender. */
  next(): void {
    this.rows++;
    if (this.rows === ChunkBuffer.capacity) this.flush();
  }

  /** Hands the rows filled so far to the appender. */
  flush(): void {
    if (this.rows === 0) return;
    if (this.appender === undefined) throw new Error('ChunkBuffer.flush before begin');
    this.chunk.rowCount = this.rows;
    this.columns.forEach((column, index) => {
      const vector = bindings.data_chunk_get_vector(this.chunk.chunk, index);
      bindings.copy_data_to_vector(vector, 0, column.buffer as ArrayBuffer, column.byteOffset, this.rows * column.BYTES_PER_ELEMENT);
    });
    this.appender.appendDataChunk(this.chunk);
    this.chunk.reset();
    this.rows = 0;
  }
}

export function bigints(): BigInt64Array {
  return new BigInt64Array(ChunkBuffer.capacity);
}

export function doubles(): Float64Array {
  return new Float64Array(ChunkBuffer.capacity);
}

export function ints(): Int32Array {
  return new Int32Array(ChunkBuffer.capacity);
}

export function tinyints(): Int8Array {
  return new Int8Array(ChunkBuffer.capacity);
}
