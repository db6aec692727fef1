import type { DuckDBConnection } from '@duckdb/node-api';
import type { SqlParams, SqlRow } from './sql-values.js';

/** What query modules need from a connection: rows back, or a count of changed rows. */
export interface SqlRunner {
  rows(sql: string, params?: SqlParams): Promise<SqlRow[]>;
  /** Column-major results: several times cheaper than row objects for big pages (events). */
  columns(sql: string, params?: SqlParams): Promise<unknown[][]>;
  /** Returns the number of rows the statement inserted, updated or deleted. */
  run(sql: string, params?: SqlParams): Promise<number>;
  /**
   * Column-major results a chunk at a time, converted only as they are read; stops early when `onChunk` returns
   * false. The connection runs nothing else until this resolves.
   */
  stream(sql: string, params: SqlParams | undefined, onChunk: (columns: unknown[][]) => boolean): Promise<void>;
}

/** Storage errors keep the SQL for the server log; the service edge never shows it to a client. */
export class DuckDbStorageError extends Error {
  readonly sql: string;

  constructor(sql: string, cause: unknown) {
    super(`DuckDB statement failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'DuckDbStorageError';
    this.sql = sql;
  }
}

export function sqlRunner(connection: DuckDBConnection): SqlRunner {
  return {
    async rows(sql, params) {
      try {
        const result = await connection.run(sql, params?.values, params?.types);
        return (await result.getRowObjectsJS()) as SqlRow[];
      } catch (error) {
        throw new DuckDbStorageError(sql, error);
      }
    },
    async columns(sql, params) {
      try {
        const result = await connection.run(sql, params?.values, params?.types);
        return await result.getColumns();
      } catch (error) {
        throw new DuckDbStorageError(sql, error);
      }
    },
    async stream(sql, params, onChunk) {
      const fail = (error: unknown): never => {
        throw new DuckDbStorageError(sql, error);
      };
      const result = await connection.stream(sql, params?.values, params?.types).catch(fail);
      for (;;) {
        const chunk = await result.fetchChunk().catch(fail);
        if (chunk === null || chunk.rowCount === 0) return;
        // The consumer's own errors pass through unwrapped: they are not storage failures.
        if (!onChunk(chunk.getColumns())) return;
      }
    },
    async run(sql, params) {
      try {
        const result = await connection.run(sql, params?.values, params?.types);
        return result.rowsChanged;
      } catch (error) {
        throw new DuckDbStorageError(sql, error);
      }
    },
  };
}
