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

/** The window's own connection (settings are global; any connection may change them). */
export interface SettingsConnection {
  readonly db: SqlRunner;
  close(): void;
}

/** How long the query settings stay after the last query ends: the blocks it read stay cached for the next one. */
export const RESTORE_DELAY_MS = 2_000;

/**
 * Applies the query settings while Logs Insights queries and FilterLogEvents scans run, and restores the configured
 * ones RESTORE_DELAY_MS after the last one ends. DuckDB has neither setting per connection, so the window is
 * process-wide: ingest running beside a query uses the query's settings meanwhile (more RSS allowed, two threads).
 * The cap is a limit, not an allocation. The delay matters because lowering the cap evicts what the query read:
 * a paged read or a dashboard's queries in a row would each start from a cold cache (measured ~25 ms more for a
 * 1 M-event scan). Settings change on a connection of the window's own, so a delayed restore never borrows one
 * that a read is using.
 */
export class QuerySettingsWindow {
  private running = 0;
  private change: Promise<void> = Promise.resolve();
  private raised = false;
  private restoreTimer: NodeJS.Timeout | undefined;
  private connection: Promise<SettingsConnection> | undefined;

  /** `configured` exactly as the database was opened with (DuckDB reads its own memory setting back rounded). */
  constructor(
    private readonly configured: QuerySettings,
    private readonly connect: () => Promise<SettingsConnection>,
    private readonly query: QuerySettings = INSIGHTS_SETTINGS,
    private readonly restoreDelayMs: number = RESTORE_DELAY_MS,
  ) {}

  async around<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    clearTimeout(this.restoreTimer);
    if (!this.raised) await this.set(this.query);
    else await this.change;
    try {
      return await work();
    } finally {
      if (--this.running === 0) this.scheduleRestore();
    }
  }

  /** At shutdown, once no query runs: restores the configured settings and closes the window's connection. */
  async close(): Promise<void> {
    clearTimeout(this.restoreTimer);
    await this.set(this.configured).catch(() => undefined);
    const connection = this.connection;
    this.connection = undefined;
    if (connection !== undefined) (await connection).close();
  }

  /**
   * Hands memory that DuckDB's allocators hold but no longer use back to the OS. Setting the cap runs
   * DuckDB's allocator flush, which ends in glibc's malloc_trim: nothing else calls it while only one DuckDB
   * thread runs (ingest), and the freed chunks of glibc's arenas stay resident (~30 MB after 4 M events).
   * Skipped while a query has raised the cap: lowering it would evict what the query reads.
   */
  returnFreedMemory(): Promise<void> {
    const next = this.change.then(async () => {
      if (this.raised || this.running > 0) return;
      this.connection ??= this.connect();
      const { db } = await this.connection;
      await db.run(`SET memory_limit = '${this.configured.memoryLimit.replace(/'/g, '')}'`);
    });
    this.change = next.catch(() => undefined);
    return next;
  }

  private scheduleRestore(): void {
    this.restoreTimer = setTimeout(() => {
      if (this.running === 0) void this.set(this.configured).catch(() => undefined);
    }, this.restoreDelayMs);
    this.restoreTimer.unref();
  }

  /** Changes are chained, so a raise and a restore never interleave. */
  private set(settings: QuerySettings): Promise<void> {
    const next = this.change.then(async () => {
      const raise = settings !== this.configured;
      // The configured settings are restored only while no query runs (another may have started meanwhile).
      if (!raise && this.running > 0) return;
      if (raise === this.raised) return;
      this.connection ??= this.connect();
      const { db } = await this.connection;
      await db.run(`SET memory_limit = '${settings.memoryLimit.replace(/'/g, '')}'`);
      if (settings.threads !== this.configured.threads || this.query.threads !== this.configured.threads) {
        await db.run(`SET threads = ${Math.max(1, Math.floor(settings.threads))}`);
      }
      this.raised = raise;
    });
    this.change = next.catch(() => undefined);
    return next;
  }
}
