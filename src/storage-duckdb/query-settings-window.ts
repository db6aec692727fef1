import type { SqlRunner } from './sql-runner.js';

/** The DuckDB settings a Logs Insights query changes while it runs. */
export interface QuerySettings {
  readonly memoryLimit: string;
  readonly threads: number;
}

/**
 * What Insights queries run with. The cap: the configured one (48MB by default) is sized for ingest RSS; with it, two
 * DuckDB threads cannot even group 200,000 invocation records of ~1.5 KB by one JSON member (hash-aggregate
 * partitions and pinned string blocks need more: measured Out of Memory at 48MB and 96MB, fine from 128MB). The
 * threads: ingest runs best on one (duckdb-storage.ts), but a query scans in parallel on both cores.
 */
export const INSIGHTS_SETTINGS: QuerySettings = { memoryLimit: '2GB', threads: 2 };

/**
 * Applies the query settings while Logs Insights queries run, and restores the configured ones when the last one
 * ends. DuckDB has neither setting per connection, so the window is process-wide: ingest running beside a query
 * uses the query's settings meanwhile (more RSS allowed, two threads) only while queries run. The cap is a limit,
 * not an allocation.
 */
export class QuerySettingsWindow {
  private running = 0;
  private change: Promise<void> = Promise.resolve();

  /** `configured` exactly as the database was opened with (DuckDB reads its own memory setting back rounded). */
  constructor(
    private readonly configured: QuerySettings,
    private readonly query: QuerySettings = INSIGHTS_SETTINGS,
  ) {}

  async around<T>(db: SqlRunner, work: () => Promise<T>): Promise<T> {
    if (this.running++ === 0) await this.set(db, this.query);
    else await this.change;
    try {
      return await work();
    } finally {
      if (--this.running === 0) await this.set(db, this.configured).catch(() => undefined);
    }
  }

  /** Changes are chained, so a raise and a restore never interleave. */
  private set(db: SqlRunner, settings: QuerySettings): Promise<void> {
    const next = this.change.then(async () => {
      // The configured settings are restored only while no query runs (another may have started meanwhile).
      if (settings === this.configured && this.running > 0) return;
      await db.run(`SET memory_limit = '${settings.memoryLimit.replace(/'/g, '')}'`);
      if (settings.threads !== this.configured.threads || this.query.threads !== this.configured.threads) {
        await db.run(`SET threads = ${Math.max(1, Math.floor(settings.threads))}`);
      }
    });
    this.change = next.catch(() => undefined);
    return next;
  }
}
