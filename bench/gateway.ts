import { envInt, type BenchEnv } from './lib/bench-env.js';
import { atLeast, atMost, context, type BenchResult, type Figure } from './lib/figures.js';
import { benchAgent, directRequests, gatewayRequests, sendGatewayRequest, type GatewayRequest } from './lib/gateway-requests.js';
import { countLoggedRecords } from './lib/gateway-records.js';
import { enableInvocationLogging, startMockUpstream, writeGatewayConfig } from './lib/gateway-setup.js';
import { percentile, runOpenLoop, type OpenLoopResult } from './lib/open-loop.js';
import { loadNote, progress, withScratchDir } from './lib/scratch.js';
import type { Endpoint } from './lib/signed-client.js';
import { serverLaunchFromEnv, withServer, type ServerLaunch } from './lib/with-server.js';

/**
 * The Bedrock runtime gateway: a fixed-latency OpenAI-compatible upstream (its own process), and the same request
 * mix (half whole answers, half streams) sent straight to it (Chat Completions, the baseline) and through ModelWatch
 * (Converse and ConverseStream, signed, invocation logging on to CloudWatch Logs and S3, runtime metrics on), open
 * loop at 200 and 1,000 requests/s, then at rising rates until one is not sustained. "Added latency" is the
 * difference between the two sides' percentiles at the same rate.
 */
export interface GatewayBenchOptions {
  readonly upstreamLatencyMs: number;
  readonly seconds: number;
  readonly ladder: readonly number[];
  readonly ladderSeconds: number;
  readonly launch: ServerLaunch;
}

const GOAL_ADDED_P50_MS = 0.4;
const GOAL_ADDED_P99_MS = 1.5;
const GOAL_SUSTAINED = 3000;
const FIXED_RATES = [200, 1000] as const;

export function gatewayOptionsFromEnv(env: BenchEnv): GatewayBenchOptions {
  const ladder = (env.BENCH_GATEWAY_LADDER ?? '250,500,1000,2000,3000,4000,6000').split(',').map((rate) => Number(rate.trim())).filter((rate) => rate > 0);
  return {
    upstreamLatencyMs: envInt(env, 'BENCH_GATEWAY_UPSTREAM_MS', 10),
    seconds: envInt(env, 'BENCH_GATEWAY_SECONDS', 10),
    ladder,
    ladderSeconds: envInt(env, 'BENCH_GATEWAY_LADDER_SECONDS', 5),
    launch: serverLaunchFromEnv(env),
  };
}

interface Side {
  readonly endpoint: Endpoint;
  readonly requests: readonly GatewayRequest[];
}

interface Measured {
  readonly rate: number;
  readonly p50: number;
  readonly p99: number;
  readonly throughput: number;
  readonly result: OpenLoopResult;
}

export function gatewayBench(options: GatewayBenchOptions): Promise<BenchResult> {
  return withScratchDir('bench-gateway', async (scratch) => {
    const notes = [loadNote('at start')];
    const mock = await startMockUpstream(options.upstreamLatencyMs);
    try {
      const config = await writeGatewayConfig(scratch, mock.endpoint);
      const { value, profile } = await withServer({ launch: options.launch, scratchDir: scratch, serverArgs: ['--config', config] }, async (server) => {
        await enableInvocationLogging(server.endpoint);
        const direct: Side = { endpoint: mock.endpoint, requests: directRequests(mock.endpoint) };
        const through: Side = { endpoint: server.endpoint, requests: await gatewayRequests(server.endpoint) };
        const startedAt = Date.now();
        let sentThrough = 0;
        let peakThrough = 0;
        const drive = async (side: Side, rate: number, seconds: number, label: string): Promise<Measured> => {
          const result = await runSide(side, rate, seconds);
          if (side === through) {
            sentThrough += result.latenciesMs.length;
            peakThrough = Math.max(peakThrough, result.throughput);
          }
          if (result.failed > 0) throw new Error(`${label} at ${rate}/s: ${result.failed} of ${result.sent} requests failed, first: ${result.firstError}`);
          const measured = { rate, p50: percentile(result.latenciesMs, 0.5), p99: percentile(result.latenciesMs, 0.99), throughput: result.throughput, result };
          const behind = result.fellBehind ? ` (fell behind: stopped after ${result.sent} requests)` : '';
          progress(`${label} at ${rate}/s: p50 ${measured.p50.toFixed(2)} ms, p99 ${measured.p99.toFixed(2)} ms, ${measured.throughput.toFixed(0)} req/s, client lag p99 ${result.sendLagP99Ms.toFixed(2)} ms${behind}`);
          if (result.fellBehind) notes.push(`${label} fell behind at ${rate}/s: ${result.sent} of ${Math.round(rate * seconds)} requests sent before ${maxInFlight(rate)} waited at once; its percentiles include that queue`);
          return measured;
        };
        // Warm-up (JIT, connection pools, the log stream and first S3 batch), not timed.
        sentThrough += (await runSide(through, 200, 2)).latenciesMs.length;
        await runSide(direct, 200, 1);
        // Start timing with the warm-up's records delivered, so its delivery work is not billed to the 200/s run.
        await countLoggedRecords(server.endpoint, startedAt, sentThrough, 10_000);
        const fixed = [];
        for (const rate of FIXED_RATES) {
          const d = await drive(direct, rate, options.seconds, 'direct');
          const t = await drive(through, rate, options.seconds, 'through');
          fixed.push({ rate, direct: d, through: t });
        }
        const sustained = await climb(options, (rate) => drive(through, rate, options.ladderSeconds, 'through'), fixed.at(-1)?.direct.p99 ?? 0);
        const logged = await countLoggedRecords(server.endpoint, startedAt, sentThrough);
        return { fixed, sustained, logged, sentThrough, peakThrough };
      });
      notes.push(`upstream answers after a fixed ${options.upstreamLatencyMs} ms; each side sends ${options.seconds} s at each fixed rate; HTTP/1.1 keep-alive on both sides`);
      notes.push(`invocation records in CloudWatch Logs after the run: ${value.logged} of ${value.sentThrough} calls through the gateway`);
      if (value.sustained.failedAt !== undefined) notes.push(`not sustained at ${value.sustained.failedAt.rate}/s: ${value.sustained.failedAt.why}`);
      notes.push(loadNote('at end'));
      if (profile !== undefined) notes.push(`CPU profile of the server:\n${profile}`);
      return { bench: 'gateway', ...figures(value.fixed, value.sustained.best, value.peakThrough), notes };
    } finally {
      await mock.stop();
    }
  });
}

function runSide(side: Side, rate: number, seconds: number): Promise<OpenLoopResult> {
  const agent = benchAgent();
  const { requests } = side;
  return runOpenLoop({
    rate, count: Math.round(rate * seconds), maxSeconds: seconds * 1.5, maxInFlight: maxInFlight(rate),
    send: (index) => sendGatewayRequest(side.endpoint, agent, requests[index % requests.length] as GatewayRequest),
  }).finally(() => agent.destroy());
}

/** A quarter of a second of requests waiting at once (at least 100) means the side cannot keep up. */
function maxInFlight(rate: number): number {
  return Math.max(100, Math.round(rate / 4));
}

interface Climb {
  readonly best: Measured | undefined;
  readonly failedAt?: { readonly rate: number; readonly why: string };
}

/** Rising open-loop rates until one is not sustained: errors, answers falling behind, or latency that keeps queueing. */
async function climb(options: GatewayBenchOptions, run: (rate: number) => Promise<Measured>, directP99: number): Promise<Climb> {
  let best: Measured | undefined;
  for (const rate of options.ladder) {
    let measured: Measured;
    try {
      measured = await run(rate);
    } catch (error) {
      return { best, failedAt: { rate, why: error instanceof Error ? error.message : String(error) } };
    }
    // Sustained: the answers keep up with the offered rate and p99 stays within 25 ms of the direct p99 (a queue
    // that grows for the whole step would blow far past that).
    const why = measured.result.fellBehind ? `${maxInFlight(rate)} requests waited at once`
      : measured.throughput < rate * 0.95 ? `only ${measured.throughput.toFixed(0)} req/s completed`
      : measured.p99 > directP99 + 25 ? `p99 ${measured.p99.toFixed(1)} ms (direct ${directP99.toFixed(1)} ms): requests queue` : undefined;
    if (why !== undefined) return { best, failedAt: { rate, why } };
    best = measured;
  }
  return { best };
}

function figures(fixed: ReadonlyArray<{ rate: number; direct: Measured; through: Measured }>, best: Measured | undefined, peak: number): { ratios: Figure[]; absolutes: Figure[] } {
  const ratios: Figure[] = [];
  const absolutes: Figure[] = [];
  for (const { rate, direct, through } of fixed) {
    const label = `${rate.toLocaleString('en-US')}/s`;
    ratios.push(context(`p50 through / direct at ${label}`, through.p50 / direct.p50, 'x'));
    ratios.push(context(`p99 through / direct at ${label}`, through.p99 / direct.p99, 'x'));
    const addedP50 = through.p50 - direct.p50;
    const addedP99 = through.p99 - direct.p99;
    if (rate === 1000) {
      absolutes.push(atMost(`added p50 at ${label}`, addedP50, 'ms', GOAL_ADDED_P50_MS), atMost(`added p99 at ${label}`, addedP99, 'ms', GOAL_ADDED_P99_MS));
    } else {
      absolutes.push(context(`added p50 at ${label}`, addedP50, 'ms'), context(`added p99 at ${label}`, addedP99, 'ms'));
    }
    absolutes.push(context(`direct p50 / p99 at ${label}`, direct.p50, 'ms'), context(`  (p99)`, direct.p99, 'ms'));
  }
  absolutes.push(atLeast('sustained through the gateway, logging on', best?.rate ?? 0, 'req/s', GOAL_SUSTAINED));
  if (best !== undefined) absolutes.push(context(`  p50 / p99 there`, best.p50, 'ms'), context('  (p99)', best.p99, 'ms'));
  absolutes.push(context('most answers/s seen through the gateway', peak, 'req/s'));
  return { ratios, absolutes };
}
