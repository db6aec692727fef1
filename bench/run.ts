import { existsSync } from 'node:fs';
import { filterBench, filterOptionsFromEnv } from './filter.js';
import { gatewayBench, gatewayOptionsFromEnv } from './gateway.js';
import { ingestBench, ingestOptionsFromEnv } from './ingest.js';
import { ingestAbBench, ingestAbOptionsFromEnv } from './ingest-ab.js';
import { insightsBench, insightsOptionsFromEnv } from './insights.js';
import { figureRows, printBenchResult, table, type BenchResult } from './lib/figures.js';
import { closeSharedAgent } from './lib/signed-client.js';
import { serverLaunchFromEnv } from './lib/with-server.js';
import { memoryBench, memoryOptionsFromEnv } from './memory.js';
import { metricsBench, metricsOptionsFromEnv } from './metrics.js';
import { tailBench, tailOptionsFromEnv } from './tail.js';
import { closeCloudWatchAgent } from './lib/cloudwatch-requests.js';

/**
 * `npm run bench`: runs the benches in sequence, each against its own fresh server, then prints one summary table.
 * Knobs (read here, passed down):
 *   BENCH=ingest,filter,memory,metrics,tail,gateway,insights  which benches (default: all, in that order)
 *   BENCH_SERVER_MAIN=path           server entry point (default dist/server/main.js)
 *   BENCH_CPU_PROF=1                 profile the server (--cpu-prof) and print its hottest functions
 *   BENCH_INGEST_WRITERS=4           concurrent writers (keep-alive connections, one stream each)
 *   BENCH_EVENTS_PER_BATCH=4500      events per PutLogEvents batch (~1 MB)
 *   BENCH_INGEST_EVENTS=2000000      events sent by the ingest bench
 *   BENCH_INGEST_WARMUP_BATCHES=2    untimed batches per writer first
 *   BENCH_INGEST_SECONDS=120         time bound of the timed ingest
 *   BENCH_CEILING_RUNS=2             DuckDB bulk loads; the fastest is the ceiling
 *   BENCH_FILTER_EVENTS=1000000      events loaded for the filter bench
 *   BENCH_FILTER_RUNS=9              timed runs per query and side (median), after one warm-up, sides turn about
 *   BENCH_MEMORY_EVENTS=10000000     events ingested while RSS is sampled
 *   BENCH_MEMORY_SAMPLE_MS=250       RSS sampling period
 *   BENCH_MEMORY_FULL_VERIFY=1       count every stored event instead of comparing storedBytes
 *   BENCH_METRICS_WRITERS=4          concurrent PutMetricData writers (1,000 datapoints per call)
 *   BENCH_METRICS_SERIES=100         1-minute series of one day queried by GetMetricData and SEARCH
 *   BENCH_METRICS_FILLER=770000      extra datapoints that only add ingest volume
 *   BENCH_METRICS_RUNS=5             timed runs per query and side (median), after one warm-up, sides turn about
 *   BENCH_TAIL_SESSIONS=20           console live-tail sessions, each with its own filter pattern
 *   BENCH_TAIL_RATE=100000           events/s offered while delivery latency is timed (and per unpaced phase)
 *   BENCH_TAIL_SECONDS=5             length of each tail phase
 *   BENCH_TAIL_BATCH=1000            events per PutLogEvents call in the tail bench
 *   BENCH_TAIL_WRITERS=4             concurrent writers in the tail bench
 *   BENCH_GATEWAY_UPSTREAM_MS=10     the mock upstream's fixed latency
 *   BENCH_GATEWAY_SECONDS=10         seconds per side at 200 and 1,000 requests/s
 *   BENCH_GATEWAY_LADDER=2000,...    rising rates tried for the highest sustained one
 *   BENCH_GATEWAY_LADDER_SECONDS=5   seconds per ladder step
 *   BENCH_INSIGHTS_RECORDS=5000000   Bedrock invocation records loaded for the insights bench
 *   BENCH_INSIGHTS_EVENTS_PER_BATCH=400  records per PutLogEvents batch (records are up to ~2 KB)
 *   BENCH_INSIGHTS_RUNS=3            timed runs per query and side (median), after one warm-up, sides turn about
 *   BENCH_INSIGHTS_POLL_MS=5         GetQueryResults polling period
 *   BENCH_AB_BASELINE=path           ingest-ab only (never run unless named): the other build's dist/server/main.js
 *   BENCH_AB_TURNS=8                 ingest-ab turns, each one run of both servers (ABBA), after a warm-up turn
 *   BENCH_AB_BATCHES_PER_TURN=25     ingest-ab batches per writer and turn (4,500 events each)
 */
const BENCHES: Readonly<Record<string, () => Promise<BenchResult>>> = {
  ingest: () => ingestBench(ingestOptionsFromEnv(process.env)),
  filter: () => filterBench(filterOptionsFromEnv(process.env)),
  memory: () => memoryBench(memoryOptionsFromEnv(process.env)),
  metrics: () => metricsBench(metricsOptionsFromEnv(process.env)),
  tail: () => tailBench(tailOptionsFromEnv(process.env)),
  gateway: () => gatewayBench(gatewayOptionsFromEnv(process.env)),
  insights: () => insightsBench(insightsOptionsFromEnv(process.env)),
};

/** Run only when named: they need a second build to compare with. */
const ON_REQUEST: Readonly<Record<string, () => Promise<BenchResult>>> = {
  'ingest-ab': () => ingestAbBench(ingestAbOptionsFromEnv(process.env, serverLaunchFromEnv(process.env))),
};

async function main(): Promise<number> {
  const { main: serverMain } = serverLaunchFromEnv(process.env);
  if (!existsSync(serverMain)) {
    console.error(`${serverMain} is missing: run \`npm run build\` first (npm run bench does).`);
    return 1;
  }
  const wanted = (process.env.BENCH ?? Object.keys(BENCHES).join(',')).split(',').map((name) => name.trim()).filter(Boolean);
  const known = { ...BENCHES, ...ON_REQUEST };
  const unknown = wanted.filter((name) => known[name] === undefined);
  if (unknown.length > 0) {
    console.error(`unknown bench ${unknown.join(', ')}; choose from ${Object.keys(known).join(', ')}`);
    return 1;
  }
  const results: BenchResult[] = [];
  const failures: string[] = [];
  for (const name of wanted) {
    console.log(`\n### bench: ${name}`);
    const started = performance.now();
    const bench = known[name];
    if (bench === undefined) continue;
    try {
      const result = await bench();
      printBenchResult(result);
      results.push(result);
    } catch (error) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`bench ${name} could not run:\n${detail}`);
      failures.push(name);
    }
    console.log(`  (${name} took ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  closeSharedAgent();
  closeCloudWatchAgent();

  console.log('\n### summary');
  const rows = results.flatMap((result) => [...figureRows(result.ratios, [result.bench]), ...figureRows(result.absolutes, [result.bench])]);
  for (const name of failures) rows.push([name, 'did not run (see above)', '', '', '', '']);
  console.log(table(['bench', 'figure', 'value', 'unit', 'goal', ''], rows));
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = await main();
