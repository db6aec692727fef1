import type { SqlRunner } from './sql-runner.js';

/** DuckDB's memory cap while at least one Logs Insights query runs. */
export const INSIGHTS_MEMORY_LIMIT = '512MB';

/**
 * Raises DuckDB's buffer-manager cap while Logs Insights queries run, and restores the configured cap when the last
 * one ends. The configured cap (48MB by default) is sized for ingest RSS; with it, two DuckDB threads cannot even
 * group 200,000 invocation records of ~1.5 KB by one JSON member (hash-aggregate partitions and pinned string
 * blocks need more: measured Out of Memory at 48MB and 96MB, fine from 128MB). DuckDB has no per-connection cap,
 * so the window is process-wide: ingest running beside a query may use the larger cap meanwhile, which costs RSS
 * only while queries run. The cap is a limit, not an allocation.
 */
export class QueryMemoryWindow {
  private running = 0;
  private change: Promise<void> = Promise.resolve();

  /** `configured` exactly as the database was opened with (DuckDB reads its own setting back rounded). */
  constructor(
    private readonly configured: string,
    private readonly queryLimit: string = INSIGHTS_MEMORY_LIMIT,
  ) {}

  async around<T>(db: SqlRunner, work: () => Promise<T>): Promise<T> {
    if (this.running++ === 0) await this.set(db, this.queryLimit);
    else await this.change;
    try {
      return await work();
    } finally {
      if (--this.running === 0) await this.set(db, this.configured).catch(() => undefined);
    }
  }

  /** Changes are chained, so a raise and a restore never interleave. */
  private set(db: SqlRunner, limit: string): Promise<void> {
    const next = this.change.then(async () => {
      // The configured cap is restored only while no query runs (another may have started meanwhile).
      if (limit === this.configured && this.running > 0) return;
      await db.run(`SET memory_limit = '${limit.replace(/'/g, '')}'`);
    });
    this.change = next.catch(() => undefined);
    return next;
  }
}
