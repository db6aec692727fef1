import { mkdir } from 'node:fs/promises';
import type { Storage } from '../storage/index.js';
import { DuckDbDatabase } from './duckdb-database.js';
import { DuckDbQueryDefinitionStore } from './duckdb-query-definition-store.js';
import { DuckDbLogQueryEngine } from './duckdb-log-query-engine.js';
import { DuckDbBedrockConfigStore } from './duckdb-bedrock-config-store.js';
import { DuckDbLogStore } from './duckdb-log-store.js';
import { EVENT_TABLES } from './event-tables.js';
import { EventWriter } from './event-writer.js';
import { FreedMemoryReturn } from './freed-memory.js';
import { GroupCache } from './group-cache.js';
import { IdCache } from './id-cache.js';
import { MalformedJsonGroups } from './malformed-json-groups.js';
import { PendingMetadata } from './pending-metadata.js';
import { DuckDbMetricStore } from './metrics/duckdb-metric-store.js';
import { runMigrations } from './migrations.js';
import { ReadPool } from './read-pool.js';
import { sqlRunner } from './sql-runner.js';
import { StoreCounters } from './store-counters.js';
import type { StoreContext } from './store-context.js';
import { WriteLane } from './write-lane.js';
import { QuerySettingsWindow } from './query-settings-window.js';

export interface DuckDbStorageOptions {
  /** Folder holding `modelwatch.duckdb` (and its WAL); created if missing. */
  readonly dataDir: string;
  /**
   * DuckDB's buffer-manager cap (default '48MB'). Blocks written by checkpoints stay cached up to this cap, so
   * during a long ingest it is reached and adds straight to RSS; DuckDB's allocations outside the buffer manager
   * (commit and checkpoint working memory, allocator slack) come on top, measured at ~100-150MB. 48MB rather than
   * 128MB lowered peak RSS by ~90MB over 3M events with no measurable cost to ingest or FilterLogEvents, since
   * reads of recent blocks are served from the OS page cache.
   */
  readonly memoryLimit?: string;
  /**
   * DuckDB threads (default 1). With 2, every statement's calling thread (a libuv worker) spins in
   * PendingQueryResult::ExecuteTask while DuckDB's own worker runs a long task such as a checkpoint's compression:
   * perf showed ~38% of the server's CPU in that spin during ingest. With 1 the calling thread does the work itself.
   */
  readonly threads?: number;
}

// How often pending stream metadata is written when nothing else writes it first (pending-metadata.ts).
const METADATA_WRITE_MS = 1_000;

// Tables that hold data (not schema bookkeeping); reset() empties them.
const DATA_TABLES = [...EVENT_TABLES, 'log_streams', 'metric_filters', 'log_groups', 'metric_buckets', 'metric_points', 'metric_series', 'bedrock_logging_configs', 'query_definitions'];

export async function openDuckDbStorage(options: DuckDbStorageOptions): Promise<Storage> {
  await mkdir(options.dataDir, { recursive: true });
  const database = await DuckDbDatabase.open(options.dataDir, {
    memoryLimit: memoryLimit(options),
    threads: threadsOf(options),
    // DuckDB checkpoints inside the COMMIT that crosses this much WAL, i.e. on a worker thread while the event loop
    // keeps filling the next batch. 16MB (the default) compresses each row group several times over; 32MB measured
    // about 20% less CPU per event. A background CHECKPOINT from another connection was tried and dropped: the
    // appender's flush then waits for the checkpoint's table lock on the main thread (stalls of 0.2-0.4s).
    checkpointThreshold: '32MB',
  });
  try {
    const writeConnection = await database.connect();
    const writeDb = sqlRunner(writeConnection);
    await runMigrations(writeDb, Date.now());
    const queryWindow = new QuerySettingsWindow({ memoryLimit: memoryLimit(options), threads: threadsOf(options) }, async () => {
      const connection = await database.connect();
      return { db: sqlRunner(connection), close: () => connection.closeSync() };
    });
    const counters = await StoreCounters.load(writeDb);
    const metadata = await PendingMetadata.recover(writeDb, counters);
    const ctx: StoreContext = {
      lane: new WriteLane(writeConnection, (db) => metadata.write(db)),
      reads: new ReadPool(() => database.connect()),
      ids: new IdCache(),
      retention: new GroupCache(),
      metricFilters: new GroupCache(),
      counters,
      metadata,
      queryWindow,
      malformedJson: new MalformedJsonGroups(),
      freedMemory: new FreedMemoryReturn(() => queryWindow.returnFreedMemory()),
    };
    const metrics = await DuckDbMetricStore.open(writeDb, ctx.lane, () => database.connect());
    const bedrockConfig = await DuckDbBedrockConfigStore.open(writeDb, ctx.lane);
    return duckDbStorage(ctx, database, metrics, bedrockConfig);
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

function memoryLimit(options: DuckDbStorageOptions): string {
  return options.memoryLimit ?? '48MB';
}

function threadsOf(options: DuckDbStorageOptions): number {
  return options.threads ?? 1;
}

function duckDbStorage(ctx: StoreContext, database: DuckDbDatabase, metrics: DuckDbMetricStore, bedrockConfig: DuckDbBedrockConfigStore): Storage {
  const writer = new EventWriter(ctx);
  // Pending stream metadata reaches its tables within a second even when nothing reads it. A failed write keeps it
  // pending for the next try, and open recovers it after a crash, so the error needs no handling here.
  const metadataTimer = setInterval(() => void ctx.metadata.settle(ctx.lane).catch(() => undefined), METADATA_WRITE_MS);
  metadataTimer.unref();
  let closing: Promise<void> | undefined;
  return {
    logs: new DuckDbLogStore(ctx, writer),
    metrics,
    logQueries: new DuckDbLogQueryEngine(ctx),
    queryDefinitions: new DuckDbQueryDefinitionStore(ctx.lane, ctx.reads),
    bedrockConfig,
    reset: async () => {
      await writer.flush();
      await metrics.flush();
      await ctx.lane.transaction(async (db) => {
        ctx.ids.clear();
        ctx.malformedJson.clear();
        metrics.clearCatalog();
        bedrockConfig.clearMirror();
        await ctx.counters.persist(db, 'next_seq');
        for (const table of DATA_TABLES) await db.run(`DELETE FROM ${table}`);
      });
      ctx.retention.clear();
      ctx.metricFilters.clear();
    },
    close: () => {
      closing ??= (async () => {
        clearInterval(metadataTimer);
        await writer.close();
        await ctx.metadata.settle(ctx.lane);
        await metrics.close();
        ctx.freedMemory.stop();
        await ctx.lane.close();
        await ctx.reads.close();
        await ctx.queryWindow.close();
        await database.close();
      })();
      return closing;
    },
  };
}
