import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlRunner, type SqlRunner } from './sql-runner.js';

/**
 * The one connection that writes, and a FIFO queue in front of it. Every write (metadata changes and the event
 * writer's group commits) runs alone, so transactions never conflict, ids and seq numbers can be handed out in
 * memory, and a delete can never interleave with a batch that is resolving stream ids.
 */
export class WriteLane {
  readonly connection: DuckDBConnection;
  private readonly db: SqlRunner;
  private tail: Promise<unknown> = Promise.resolve();
  private closed = false;

  /**
   * `beforeTransaction` runs on the lane ahead of every `transaction` (not of `exclusive` work): for writes that
   * other transactions must see first (pending-metadata.ts).
   */
  constructor(
    connection: DuckDBConnection,
    private readonly beforeTransaction: (db: SqlRunner) => Promise<void> = () => Promise.resolve(),
  ) {
    this.connection = connection;
    this.db = sqlRunner(connection);
  }

  /** Runs `work` after everything queued before it, with the write connection to itself. */
  exclusive<T>(work: (db: SqlRunner) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('storage is closed'));
    const result = this.tail.then(() => work(this.db));
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** `exclusive`, inside BEGIN/COMMIT, after `beforeTransaction`; any error rolls back and is rethrown. */
  transaction<T>(work: (db: SqlRunner) => Promise<T>): Promise<T> {
    return this.exclusive(async (db) => {
      await this.beforeTransaction(db);
      return inTransaction(db, work);
    });
  }

  /** Refuses new work, waits for everything queued, then closes the connection. */
  async close(): Promise<void> {
    let seen: Promise<unknown> | undefined;
    while (seen !== this.tail) {
      seen = this.tail;
      await seen;
    }
    this.closed = true;
    this.connection.closeSync();
  }
}

export async function inTransaction<T>(db: SqlRunner, work: (db: SqlRunner) => Promise<T>): Promise<T> {
  await db.run('BEGIN TRANSACTION');
  let value: T;
  try {
    value = await work(db);
  } catch (error) {
    await db.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
  try {
    await db.run('COMMIT');
  } catch (error) {
    // A failed COMMIT may leave the transaction open (DuckDB marks it aborted); make sure the lane starts clean.
    await db.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return value;
}
