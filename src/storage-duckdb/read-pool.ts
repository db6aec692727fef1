import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlRunner, type SqlRunner } from './sql-runner.js';

/**
 * Connections for reads. Each read gets a connection of its own (DuckDB runs one statement at a time per
 * connection), so reads never queue behind the write lane and always see the last committed state.
 */
export class ReadPool {
  private readonly connect: () => Promise<DuckDBConnection>;
  private readonly maxIdle: number;
  private readonly idle: DuckDBConnection[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  constructor(connect: () => Promise<DuckDBConnection>, options: { readonly maxIdle?: number } = {}) {
    this.connect = connect;
    this.maxIdle = options.maxIdle ?? 4;
  }

  use<T>(work: (db: SqlRunner) => Promise<T>): Promise<T> {
    return this.useConnection((connection) => work(sqlRunner(connection)));
  }

  /** For readers that take result vectors straight from the connection (metric queries) rather than rows. */
  useConnection<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('storage is closed'));
    const running = this.run(work);
    this.inFlight.add(running);
    void running.finally(() => this.inFlight.delete(running)).catch(() => undefined);
    return running;
  }

  private async run<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = this.idle.pop() ?? (await this.connect());
    try {
      return await work(connection);
    } finally {
      if (this.closed || this.idle.length >= this.maxIdle) connection.closeSync();
      else this.idle.push(connection);
    }
  }

  /** Waits for reads in progress, then closes every connection. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.inFlight]);
    for (const connection of this.idle.splice(0)) connection.closeSync();
  }
}
