import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export const DATABASE_FILE = 'modelwatch.duckdb';
/** The name the data file is attached under; every connection uses it as its default database. */
const CATALOG = 'modelwatch';

/**
 * Rows per row group in the data file (DuckDB's default is 122,880). A transaction that appends at least a row
 * group's worth of rows has them compressed into the data file as it commits, and the WAL records only where they
 * are ("optimistic writes"); smaller appends go through the WAL and are compressed again at the next checkpoint.
 * A group commit of a few concurrent 1 MB PutLogEvents batches is 4,500-20,000 events, so the default row group
 * made every event take the slow path (store alone: 5.9 CPU-us per event, 2.9 with 16,384 rows).
 * 8,192 rather than 16,384: with commits waiting for writers on their way (event-writer.ts), two 4,500-event
 * batches fill one, so half the writers commit while the other half's requests are parsed: 231,000 vs 171,000
 * events/s on the ingest bench. The price is a partial row group per commit: ~40 MB more peak RSS and ~40% more
 * disk over 10 M events. 4,096 left too many partial row groups (483 MB peak RSS), and 2,048 worse still.
 */
export const ROW_GROUP_SIZE = 8_192;

export interface DuckDbDatabaseSettings {
  readonly memoryLimit: string;
  readonly threads: number;
  readonly checkpointThreshold: string;
}

/**
 * The DuckDB instance and the data file in it. The row group size is an ATTACH option only, so the instance's own
 * database is an empty in-memory one and the file is attached beside it; `connect` hands out connections whose
 * default database is the file, so no SQL elsewhere names it.
 */
export class DuckDbDatabase {
  private constructor(private readonly instance: DuckDBInstance) {}

  static async open(dataDir: string, settings: DuckDbDatabaseSettings): Promise<DuckDbDatabase> {
    const file = join(dataDir, DATABASE_FILE);
    const instance = await DuckDBInstance.create(':memory:', {
      memory_limit: settings.memoryLimit,
      threads: String(settings.threads),
      checkpoint_threshold: settings.checkpointThreshold,
      // Every query that cares has an ORDER BY; not preserving insertion order lets inserts and scans stream.
      preserve_insertion_order: 'false',
      // Where a file database would put its spills by default, rather than the process's working directory.
      temp_directory: `${file}.tmp`,
      // DuckDB's bundled jemalloc only returns freed pages to the OS from a background thread; without one, after
      // 3 M ingested events it kept 98 MB resident for 22 MB allocated (with one: 43 MB), at no measurable ingest cost.
      allocator_background_threads: 'true',
    });
    try {
      const connection = await instance.connect();
      try {
        await connection.run(`ATTACH '${file.replace(/'/g, "''")}' AS ${CATALOG} (ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`);
      } finally {
        connection.closeSync();
      }
      return new DuckDbDatabase(instance);
    } catch (error) {
      instance.closeSync();
      throw error;
    }
  }

  async connect(): Promise<DuckDBConnection> {
    const connection = await this.instance.connect();
    try {
      await connection.run(`USE ${CATALOG}`);
    } catch (error) {
      connection.closeSync();
      throw error;
    }
    return connection;
  }

  /** Checkpoints the data file (so the next open replays no WAL) and closes the instance. */
  async close(): Promise<void> {
    try {
      const connection = await this.instance.connect();
      try {
        await connection.run(`DETACH ${CATALOG}`);
      } finally {
        connection.closeSync();
      }
    } finally {
      this.instance.closeSync();
    }
  }
}
