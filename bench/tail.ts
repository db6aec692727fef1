import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { envInt, type BenchEnv } from './lib/bench-env.js';
import { atMost, context, type BenchResult, type Figure } from './lib/figures.js';
import { loadNote, progress, withScratchDir } from './lib/scratch.js';
import { callLogs, keepAliveAgent, prepareLogsRequest, sendPrepared, type Endpoint } from './lib/signed-client.js';
import { Worker } from 'node:worker_threads';
import type { ReaderReport } from './lib/tail-reader-worker.js';
import { TAIL_PATTERNS } from './lib/tail-sessions.js';
import { serverLaunchFromEnv, withServer, type ServerLaunch } from './lib/with-server.js';

/**
 * Live Tail: `sessions` console streams (GET /_modelwatch/tail) with different filter patterns while PutLogEvents is
 * paced at `rate` events/s; delivery latency is write acknowledged -> event received by a session. Then the ingest
 * rate unpaced, without and with the sessions open, and the share of events the sessions lost to sampling.
 */
export interface TailBenchOptions {
  readonly sessions: number;
  readonly rate: number;
  readonly seconds: number;
  readonly batch: number;
  readonly writers: number;
  readonly launch: ServerLaunch;
}

export function tailOptionsFromEnv(env: BenchEnv): TailBenchOptions {
  return {
    sessions: envInt(env, 'BENCH_TAIL_SESSIONS', 20),
    rate: envInt(env, 'BENCH_TAIL_RATE', 100_000),
    seconds: envInt(env, 'BENCH_TAIL_SECONDS', 5),
    batch: envInt(env, 'BENCH_TAIL_BATCH', 1000),
    writers: envInt(env, 'BENCH_TAIL_WRITERS', 4),
    launch: serverLaunchFromEnv(env),
  };
}

const GROUP = '/bench/tail';
const LEVELS = ['INFO', 'INFO', 'INFO', 'WARN', 'ERROR', 'DEBUG'];

/** Event `id`'s message: JSON that each pattern matches a different share of. */
function message(id: number): string {
  return JSON.stringify({ id, level: LEVELS[id % LEVELS.length], latencyMs: (id * 37) % 1000, route: id % 3 === 0 ? '/v1/chat' : '/v1/embed',
    status: id % 17 === 0 ? 503 : 200, model: id % 2 === 0 ? 'claude-x' : 'titan-y', tokens: (id * 13) % 2000, user: `user-${id % 10}`, note: id % 11 === 0 ? 'timeout' : 'request' });
}

interface Ingest {
  readonly events: number;
  readonly elapsedMs: number;
  /** Batch index (ids firstId + index * batch ...) -> epoch ms (fractional) when it was acknowledged. */
  readonly acks: number[];
}

const wallClock = (): number => performance.timeOrigin + performance.now();

/** Starts the readers' thread; resolves once its sessions are open. */
async function startReaders(endpoint: Endpoint, patterns: readonly string[]): Promise<{ ask: (message: object) => Promise<unknown>; stop: () => Promise<number> }> {
  // tsx's loader hooks are per thread: the worker registers them before importing the TypeScript entry.
  const entry = new URL('./lib/tail-reader-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: { endpoint, logGroupName: GROUP, patterns } });
  const next = (): Promise<unknown> => new Promise((resolve, reject) => {
    worker.once('message', (message: { kind: string; report?: unknown }) => resolve(message.report ?? message.kind));
    worker.once('error', reject);
  });
  await next();
  return { ask: (message) => { const answer = next(); worker.postMessage(message); return answer; }, stop: () => worker.terminate() };
}

/** `writers` streams in parallel; paced at `rate` events/s when given, else as fast as the server answers. */
async function ingest(endpoint: Endpoint, firstId: number, options: TailBenchOptions, paced: boolean): Promise<Ingest> {
  const acks: number[] = [];
  const total = options.rate * options.seconds;
  const perWriter = Math.ceil(total / options.writers / options.batch);
  const intervalMs = (options.batch * options.writers * 1000) / options.rate;
  const started = performance.now();
  let events = 0;
  await Promise.all(Array.from({ length: options.writers }, async (_, writer) => {
    const agent = keepAliveAgent();
    try {
      for (let b = 0; b < perWriter; b++) {
        if (paced) {
          const wait = started + b * intervalMs - performance.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        }
        const base = firstId + (b * options.writers + writer) * options.batch;
        const timestamp = Date.now();
        const logEvents = Array.from({ length: options.batch }, (_, i) => ({ timestamp, message: message(base + i) }));
        const prepared = await prepareLogsRequest(endpoint, 'PutLogEvents', JSON.stringify({ logGroupName: GROUP, logStreamName: `w${writer}`, logEvents }));
        const response = await sendPrepared(endpoint, agent, prepared);
        if (response.status !== 200) throw new Error(`PutLogEvents failed with HTTP ${response.status}: ${response.body.slice(0, 300)}`);
        acks[b * options.writers + writer] = wallClock();
        events += options.batch;
      }
    } finally {
      agent.destroy();
    }
  }));
  return { events, elapsedMs: performance.now() - started, acks };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? Number.NaN : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN);
}

export function tailBench(options: TailBenchOptions): Promise<BenchResult> {
  return withScratchDir('bench-tail', async (scratch) => {
    const notes = [loadNote('at start')];
    const configFile = join(scratch, 'config.json');
    await writeFile(configFile, JSON.stringify({ liveTail: { maxSessions: options.sessions + 5 } }));
    const { value: m, profile } = await withServer({ launch: options.launch, scratchDir: scratch, serverArgs: ['--config', configFile] }, async (server) => {
      await callLogs(server.endpoint, 'CreateLogGroup', { logGroupName: GROUP });
      for (let w = 0; w < options.writers; w++) await callLogs(server.endpoint, 'CreateLogStream', { logGroupName: GROUP, logStreamName: `w${w}` });
      const span = options.rate * options.seconds + options.writers * options.batch;
      progress(`unpaced ingest without sessions (${(options.rate * options.seconds).toLocaleString('en-US')} events)`);
      const without = await ingest(server.endpoint, 0, options, false);
      progress(`opening ${options.sessions} console tail sessions (read on a worker thread)`);
      const patterns = Array.from({ length: options.sessions }, (_, i) => TAIL_PATTERNS[i % TAIL_PATTERNS.length] ?? '');
      const readers = await startReaders(server.endpoint, patterns);
      try {
        progress('unpaced ingest with the sessions');
        const withSessions = await ingest(server.endpoint, span, options, false);
        await new Promise((resolve) => setTimeout(resolve, 500));
        await readers.ask({ kind: 'clear' });
        progress(`paced ingest at ${options.rate.toLocaleString('en-US')} events/s for ${options.seconds} s, timing deliveries`);
        const paced = await ingest(server.endpoint, 2 * span, options, true);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const report = (await readers.ask({ kind: 'report', firstId: 2 * span, batch: options.batch, acks: paced.acks })) as ReaderReport;
        return { without, withSessions, paced, report };
      } finally {
        await readers.stop();
      }
    });

    // The server publishes before it answers, so an event can arrive before its write is acknowledged.
    const { latencies, early, dropped } = m.report;
    const received = latencies.length;
    const rateWithout = m.without.events / (m.without.elapsedMs / 1000);
    const rateWith = m.withSessions.events / (m.withSessions.elapsedMs / 1000);
    const ratios: Figure[] = [atMost('ingest slowdown with the sessions open', (1 - rateWith / rateWithout) * 100, '%', 10)];
    const absolutes: Figure[] = [
      atMost('console stream delivery p99 (ack -> received)', percentile(latencies, 99), 'ms', 50),
      context('console stream delivery p50', percentile(latencies, 50), 'ms'),
      context('ingest without sessions', rateWithout, 'events/s'),
      context(`ingest with ${options.sessions} sessions`, rateWith, 'events/s'),
      context('paced ingest achieved', m.paced.events / (m.paced.elapsedMs / 1000), 'events/s'),
      context('share of matching events dropped (sampled)', received + dropped === 0 ? 0 : (dropped / (received + dropped)) * 100, '%'),
      context('events delivered to sessions (paced phase)', received, 'events'),
    ];
    notes.push(`${early.toLocaleString('en-US')} of ${received.toLocaleString('en-US')} deliveries arrived before their write was acknowledged (counted as 0 ms)`);
    notes.push('the sessions are read on a worker thread of this bench process: on a shared 2-core machine their parsing competes with the server for CPU, so both figures are pessimistic');
    notes.push('StartLiveTail latency is not measured here: its updates are per second by design, and its event-stream codec is measured with it');
    notes.push(loadNote('at end'));
    if (profile !== undefined) notes.push(`CPU profile of the server (all three phases):\n${profile}`);
    return { bench: 'tail', ratios, absolutes, notes };
  });
}
