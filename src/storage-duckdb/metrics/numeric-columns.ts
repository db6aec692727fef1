import type { DuckDBConnection } from '@duckdb/node-api';
// Result vectors are read as raw memory: converting every value through the high-level result API costs about a
// microsecond per value, which dominated queries returning 100 series x 1,440 periods.
import bindings from '@duckdb/node-bindings';
import { DuckDbStorageError } from '../sql-runner.js';
import type { SqlParams } from '../sql-values.js';

/** The SQL type of each result column: INTEGER (read as Int32Array) or DOUBLE (Float64Array). NULLs not allowed. */
export type NumericKind = 'integer' | 'double';

/** Runs a query whose columns are all non-null INTEGER or DOUBLE and returns each column as one typed array. */
export async function numericColumns(connection: DuckDBConnection, sql: string, params: SqlParams, kinds: readonly NumericKind[]): Promise<(Int32Array | Float64Array)[]> {
  const parts: (Int32Array | Float64Array)[][] = kinds.map(() => []);
  let total = 0;
  try {
    const result = await connection.run(sql, params.values, params.types);
    for (;;) {
      const chunk = await result.fetchChunk();
      const rows = chunk?.rowCount ?? 0;
      if (chunk === null || rows === 0) break;
      kinds.forEach((kind, column) => {
        const width = kind === 'integer' ? 4 : 8;
        const bytes = bindings.vector_get_data(bindings.data_chunk_get_vector(chunk.chunk, column), rows * width);
        // slice(): copies out of the chunk (freed with it) into an aligned buffer of our own.
        const copy = bytes.slice(0, rows * width).buffer;
        (parts[column] as (Int32Array | Float64Array)[]).push(kind === 'integer' ? new Int32Array(copy) : new Float64Array(copy));
      });
      total += rows;
    }
  } catch (error) {
    throw new DuckDbStorageError(sql, error);
  }
  return kinds.map((kind, column) => {
    const whole = kind === 'integer' ? new Int32Array(total) : new Float64Array(total);
    let offset = 0;
    for (const part of parts[column] as (Int32Array | Float64Array)[]) {
      whole.set(part, offset);
      offset += part.length;
    }
    return whole;
  });
}
