import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

const MAX_IDLE = 2;

/**
 * Read connections for metric queries, which read result vectors directly (numeric-columns.ts) and so need the
 * connection itself rather than the shared ReadPool's SqlRunner. Same rules: one statement per connection at a
 * time, never queued behind the write lane, always the last committed state.
 */
export class MetricReadPool {
  private readonly instance: DuckDBInstance;
  private readonly idle: DuckDBConnection[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  constructor(instance: DuckDBInstance) {
    this.instance = instance;
  }

  use<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('storage is closed'));
    const running = this.run(work);
    this.inFlight.add(running);
    void running.finally(() => this.inFlight.delete(running)).catch(() => undefined);
    return running;
  }

  private async run<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = this.idle.pop() ?? (await this.instance.connect());
    try {
      return await work(connection);
    } finally {
      if (this.closed || this.idle.length >= MAX_IDLE) connection.closeSync();
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
