import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';

/**
 * One appender for a table on the write connection, kept across transactions: each commit flushes it inside its
 * own transaction instead of creating and closing one, which would cost a round trip to DuckDB's thread (and a
 * wait for the event loop) per commit. After a failure it is dropped, with whatever it had buffered.
 */
export class ReusableAppender {
  private appender: DuckDBAppender | undefined;

  constructor(
    private readonly connection: DuckDBConnection,
    private readonly table: string,
    private readonly schema?: string,
    private readonly catalog?: string,
    /** Runs before the first appender is created, e.g. to create a temporary table. */
    private readonly setUp?: (connection: DuckDBConnection) => Promise<void>,
  ) {}

  async get(): Promise<DuckDBAppender> {
    if (this.appender === undefined) {
      await this.setUp?.(this.connection);
      this.appender = await this.connection.createAppender(this.table, this.schema, this.catalog);
    }
    return this.appender;
  }

  /** Drops the buffered rows and the appender itself; the next `get` creates a new one. */
  discard(): void {
    const appender = this.appender;
    this.appender = undefined;
    if (appender === undefined) return;
    appender.clear();
    try {
      appender.closeSync();
    } catch {
      // A failed appender may refuse to close; it holds nothing once cleared.
    }
  }
}
