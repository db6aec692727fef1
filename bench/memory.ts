import { envFlag, envInt, type BenchEnv } from './lib/bench-env.js';
import { gcTrace } from './lib/gc-trace.js';
import { createEventLayout, totalEvents } from './lib/event-generator.js';
import { atMost, context, type BenchResult } from './lib/figures.js';
import { driveIngest, type IngestOutcome } from './lib/ingest-driver.js';
import { createGroupAndStreams, lazyRequests } from './lib/put-log-events-batches.js';
import { rssTimeline, startRssSampler, type RssSummary } from './lib/rss-sampler.js';
import { loadNote, progress, withScratchDir } from './lib/scratch.js';
import { directoryBytes } from './lib/server-process.js';
import { countStoredEvents, storedBytes } from './lib/stored-events.js';
import { serverLaunchFromEnv, withServer, type ServerLaunch } from './lib/with-server.js';

/**
 * Server memory under sustained ingest: 1 MB batches built and signed on the fly (10 M events would not fit in the
 * client up front), while the server's VmRSS is sampled every 250 ms. The baseline is the same server's idle RSS.
 */
export interface MemoryBenchOptions {
  readonly events: number;
  readonly writers: number;
  readonly eventsPerBatch: number;
  readonly sampleMs: number;
  /** Count every stored event through GetLogEvents (slow at 10 M); otherwise compare the group's storedBytes. */
  readonly fullVerify: boolean;
  readonly launch: ServerLaunch;
}

const GOAL_PEAK_MB = 300;
const MB = 1_000_000;
const MIB = 1_048_576;
const IDLE_MS = 1_000;
const SETTLE_MS = 3_000;

export function memoryOptionsFromEnv(env: BenchEnv): MemoryBenchOptions {
  return {
    events: envInt(env, 'BENCH_MEMORY_EVENTS', 10_000_000),
    writers: envInt(env, 'BENCH_INGEST_WRITERS', 4),
    eventsPerBatch: envInt(env, 'BENCH_EVENTS_PER_BATCH', 4_500),
    sampleMs: envInt(env, 'BENCH_MEMORY_SAMPLE_MS', 250),
    fullVerify: envFlag(env, 'BENCH_MEMORY_FULL_VERIFY'),
    launch: serverLaunchFromEnv(env),
  };
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

export function memoryBench(options: MemoryBenchOptions): Promise<BenchResult> {
  return withScratchDir('bench-memory', async (scratch) => {
    const notes = [loadNote('at start')];
    const layout = createEventLayout({ ...options, totalEvents: options.events, logGroupName: '/bench/memory', now: Date.now() });
    // --trace-gc tells how much of the RSS is V8's heap; the rest is DuckDB, Buffers and code.
    const gc = gcTrace();
    const { value: run, profile } = await withServer({ launch: options.launch, scratchDir: scratch, nodeFlags: ['--trace-gc'], onOutputLine: gc.onLine }, async (server) => {
      await createGroupAndStreams(server.endpoint, layout);
      const idleSampler = startRssSampler(server.pid, options.sampleMs);
      await sleep(IDLE_MS);
      const idle = idleSampler.stop();
      progress(`ingesting ${totalEvents(layout).toLocaleString('en-US')} events, sampling server RSS every ${options.sampleMs} ms`);
      const sampler = startRssSampler(server.pid, options.sampleMs);
      let ingest: IngestOutcome;
      let rss: RssSummary;
      try {
        ingest = await driveIngest({
          endpoint: server.endpoint,
          writers: layout.writers,
          requestFor: lazyRequests(server.endpoint, layout),
          fromBatch: 0,
          toBatch: layout.batchesPerWriter,
        });
        await sleep(SETTLE_MS); // background flushes and checkpoints after the last batch still count
      } finally {
        rss = sampler.stop(); // also when ingest fails, or its timer would keep the bench alive
      }
      progress('verifying stored data');
      const stored = options.fullVerify ? await countStoredEvents(server.endpoint, layout) : await storedBytes(server.endpoint, layout.logGroupName);
      return { idle, rss, ingest, stored, diskBytes: await directoryBytes(server.dataDir) };
    });

    const { idle, rss, ingest } = run;
    const expected = options.fullVerify ? ingest.acknowledgedEvents : ingest.messageBytes;
    const what = options.fullVerify ? 'events (GetLogEvents count)' : 'message bytes (DescribeLogGroups storedBytes)';
    notes.push(
      run.stored === expected
        ? `verified: ${expected.toLocaleString('en-US')} ${what} stored`
        : `VERIFY FAILED: expected ${expected} ${what}, server reports ${String(run.stored)}`,
      `peak RSS per tenth of the run (MB): ${rssTimeline(rss, 10).map((bytes) => (bytes / MB).toFixed(0)).join(' ')}`,
      `${rss.samples} RSS samples; VmHWM is the kernel's peak over the server's whole life, spikes between samples included`,
      `${gc.gcCount()} GCs traced; RSS beyond the V8 heap is DuckDB (memory_limit), Buffers (request bodies) and code`,
      loadNote('at end'),
    );
    if (profile !== undefined) notes.push(`CPU profile of the server:\n${profile}`);
    return {
      bench: 'memory',
      ratios: [context('peak RSS / idle RSS of the same server', rss.peakBytes / idle.peakBytes, 'x')],
      absolutes: [
        atMost('peak server RSS (250 ms samples)', rss.peakBytes / MB, 'MB', GOAL_PEAK_MB),
        atMost('peak server RSS (kernel VmHWM)', rss.highWaterBytes / MB, 'MB', GOAL_PEAK_MB),
        context('idle server RSS (baseline)', idle.peakBytes / MB, 'MB'),
        context('server RSS after ingest', rss.lastBytes / MB, 'MB'),
        context('events acknowledged', ingest.acknowledgedEvents, 'events'),
        context('ingest rate (context, client builds batches on the fly)', ingest.acknowledgedEvents / (ingest.elapsedMs / 1000), 'events/s'),
        context('data folder', run.diskBytes / MB, 'MB'),
        context('peak V8 heap committed (--trace-gc)', (gc.peakCommittedMiB() * MIB) / MB, 'MB'),
        context('peak V8 heap live after a GC', (gc.peakLiveAfterGcMiB() * MIB) / MB, 'MB'),
      ],
      notes,
    };
  });
}
