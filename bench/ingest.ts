import { join } from 'node:path';
import { envInt, type BenchEnv } from './lib/bench-env.js';
import { timeBulkLoad } from './lib/duckdb-baseline.js';
import { createEventLayout, totalEvents } from './lib/event-generator.js';
import { atLeast, context, type BenchResult, type Figure } from './lib/figures.js';
import { driveIngest } from './lib/ingest-driver.js';
import { generateDataset, signDataset } from './lib/prepared-dataset.js';
import { cpuBetween, cpuSnapshot, describeCpu } from './lib/process-cpu.js';
import { createGroupAndStreams } from './lib/put-log-events-batches.js';
import { loadNote, progress, withScratchDir } from './lib/scratch.js';
import { directoryBytes } from './lib/server-process.js';
import { countStoredEvents } from './lib/stored-events.js';
import { serverLaunchFromEnv, withServer, type ServerLaunch } from './lib/with-server.js';

/**
 * Ingest throughput: concurrent writers send pre-built, pre-signed ~1 MB PutLogEvents batches over keep-alive
 * connections; the ceiling is DuckDB bulk-loading the same rows from NDJSON into a fresh database in the same run.
 */
export interface IngestBenchOptions {
  readonly writers: number;
  readonly totalEvents: number;
  readonly eventsPerBatch: number;
  /** Batches per writer sent before the clock starts (JIT, table creation); they still count as stored. */
  readonly warmupBatches: number;
  /** No new batch starts after this many seconds of the timed part. */
  readonly maxSeconds: number;
  readonly ceilingRuns: number;
  readonly launch: ServerLaunch;
}

const GOAL_EVENTS_PER_SECOND = 400_000;
const GOAL_SHARE_OF_CEILING = 0.25;

export function ingestOptionsFromEnv(env: BenchEnv): IngestBenchOptions {
  return {
    writers: envInt(env, 'BENCH_INGEST_WRITERS', 4),
    totalEvents: envInt(env, 'BENCH_INGEST_EVENTS', 2_000_000),
    eventsPerBatch: envInt(env, 'BENCH_EVENTS_PER_BATCH', 4_500),
    warmupBatches: envInt(env, 'BENCH_INGEST_WARMUP_BATCHES', 2),
    maxSeconds: envInt(env, 'BENCH_INGEST_SECONDS', 120),
    ceilingRuns: envInt(env, 'BENCH_CEILING_RUNS', 2),
    launch: serverLaunchFromEnv(env),
  };
}

export function ingestBench(options: IngestBenchOptions): Promise<BenchResult> {
  return withScratchDir('bench-ingest', async (scratch) => {
    const notes = [loadNote('at start')];
    const layout = createEventLayout({ ...options, logGroupName: '/bench/ingest', now: Date.now() });
    const warmup = Math.min(options.warmupBatches, layout.batchesPerWriter - 1);
    progress(`generating ${totalEvents(layout).toLocaleString('en-US')} events (${layout.writers} writers x ${layout.batchesPerWriter} batches x ${layout.eventsPerBatch})`);
    const dataset = await generateDataset(layout, join(scratch, 'events.ndjson'));

    progress(`DuckDB ceiling: best of ${options.ceilingRuns} bulk loads of ${dataset.rows.toLocaleString('en-US')} rows`);
    let ceilingMs = Number.POSITIVE_INFINITY;
    for (let run = 0; run < options.ceilingRuns; run++) {
      const load = await timeBulkLoad(dataset.ndjsonPath, join(scratch, `ceiling-${run}.duckdb`));
      if (load.rows !== dataset.rows) throw new Error(`DuckDB loaded ${load.rows} rows, expected ${dataset.rows}`);
      ceilingMs = Math.min(ceilingMs, load.elapsedMs);
    }
    const ceilingRate = dataset.rows / (ceilingMs / 1000);

    const { value: run, profile } = await withServer({ launch: options.launch, scratchDir: scratch }, async (server) => {
      await createGroupAndStreams(server.endpoint, layout);
      progress('signing requests');
      const requestFor = await signDataset(server.endpoint, dataset);
      const base = { endpoint: server.endpoint, writers: layout.writers, requestFor };
      const warm = await driveIngest({ ...base, fromBatch: 0, toBatch: warmup });
      progress(`timed ingest: ${layout.writers} writers, up to ${options.maxSeconds} s`);
      const cpuBefore = cpuSnapshot(server.pid);
      const clientBefore = process.cpuUsage();
      const timed = await driveIngest({
        ...base,
        fromBatch: warmup,
        toBatch: layout.batchesPerWriter,
        deadline: performance.now() + options.maxSeconds * 1000,
      });
      const cpu = cpuBetween(cpuBefore, cpuSnapshot(server.pid));
      const client = process.cpuUsage(clientBefore);
      const clientSeconds = (client.user + client.system) / 1e6;
      // Reading everything back would dominate a CPU profile meant for ingest, so a profiled run skips it.
      if (!options.launch.cpuProfile) progress('verifying stored events through GetLogEvents');
      const stored = options.launch.cpuProfile ? undefined : await countStoredEvents(server.endpoint, layout);
      return { warm, timed, cpu, clientSeconds, stored, diskBytes: await directoryBytes(server.dataDir) };
    });

    const seconds = run.timed.elapsedMs / 1000;
    const rate = run.timed.acknowledgedEvents / seconds;
    const acknowledged = run.warm.acknowledgedEvents + run.timed.acknowledgedEvents;
    const ratios: Figure[] = [atLeast('ingest events/s / DuckDB bulk-load events/s', rate / ceilingRate, 'x', GOAL_SHARE_OF_CEILING)];
    const absolutes: Figure[] = [
      atLeast('acknowledged events/s (end to end)', rate, 'events/s', GOAL_EVENTS_PER_SECOND),
      context('request bodies', run.timed.wireBytes / 1e6 / seconds, 'MB/s'),
      context('message bytes', run.timed.messageBytes / 1e6 / seconds, 'MB/s'),
      context('DuckDB bulk load (ceiling)', ceilingRate, 'events/s'),
      context('timed events acknowledged', run.timed.acknowledgedEvents, 'events'),
      context('timed part', seconds, 's'),
      context('server CPU per million events', run.cpu.totalSeconds / (run.timed.acknowledgedEvents / 1e6), 'CPU s'),
      context('data folder per event', run.diskBytes / Math.max(1, acknowledged), 'bytes'),
    ];
    notes.push(
      run.stored === undefined
        ? 'not verified: skipped while profiling'
        : run.stored === acknowledged
          ? `verified: GetLogEvents returns all ${acknowledged.toLocaleString('en-US')} acknowledged events`
          : `VERIFY FAILED: ${acknowledged} events acknowledged, ${run.stored} stored`,
      `rejected events: ${run.warm.rejectedEvents + run.timed.rejectedEvents}; warm-up: ${warmup} batches per writer, not timed`,
      `${describeCpu(run.cpu, seconds)}; bench client ${run.clientSeconds.toFixed(1)} s`,
      loadNote('at end'),
    );
    if (profile !== undefined) notes.push(`CPU profile of the server:\n${profile}`);
    return { bench: 'ingest', ratios, absolutes, notes };
  });
}
