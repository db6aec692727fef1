import type { DuckDBAppender } from '@duckdb/node-api';

/**
 * One appender on the write connection, kept across transactions: each commit flushes it inside its
 * own transaction instead of creating and closing one, which would cost a round trip to DuckDB's thread (and a
 * wait for the event loop) per commit. After a failure it is dropped, with whatever it had buffered.
 */
export class ReusableAppender {
  private appender: DuckDBAppender | undefined;

  /** `open` creates the appender (and whatever it appends to) the first time, and again after a discard. */
  constructor(private readonly open: () => Promise<DuckDBAppender>) {}

  async get(): Promise<DuckDBAppender> {
    this.appender ??= await this.open();
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
