import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { envInt, type BenchEnv } from './lib/bench-env.js';
import { prepareCloudWatchRequest } from './lib/cloudwatch-requests.js';
import { openScratchDatabase } from './lib/duckdb-baseline.js';
import { atLeast, atMost, context, type BenchResult, type Figure } from './lib/figures.js';
import { generatePoints, putMetricDataBody, type PointLayout } from './lib/metric-points.js';
import { duckdbP99, duckdbSeries, P99_QUERY, SEARCH_QUERY, serverMetricData, seriesQueries, type SeriesResult } from './lib/metric-queries.js';
import { loadNote, progress, withScratchDir } from './lib/scratch.js';
import { keepAliveAgent, sendPrepared, type PreparedRequest } from './lib/signed-client.js';
import { describeRuns, pairedRuns, type PairedRuns } from './lib/timed-runs.js';
import { serverLaunchFromEnv, withServer, type ServerLaunch, type WithServerOutcome } from './lib/with-server.js';

/**
 * CloudWatch metrics: PutMetricData at 1,000 datapoints per call from concurrent writers over HTTP, then three
 * GetMetricData queries (100 series x 1,440 points, the same series found by SEARCH, a p99 over one day of
 * 1-second data), each against a hand-written DuckDB query for the same numbers over the same points.
 */
export interface MetricsBenchOptions {
  readonly writers: number;
  readonly series: number;
  /** Extra 1-minute points that only add ingest volume. */
  readonly filler: number;
  /** Timed runs per query and side, after one warm-up run of each, the sides taking turns (ABBA); the ratio is the median of the turns. */
  readonly runs: number;
  readonly launch: ServerLaunch;
}

const GOAL_PUT = 500_000;
const GOAL_RATIO = 1.5;
const GOAL_QUERY_MS = 100;
const PER_CALL = 1000;

interface MeasuredMetrics {
  readonly put: { readonly elapsedMs: number; readonly calls: number };
  /** Per query case, in order. */
  readonly runs: readonly PairedRuns<SeriesResult, SeriesResult>[];
}

export function metricsOptionsFromEnv(env: BenchEnv): MetricsBenchOptions {
  return {
    writers: envInt(env, 'BENCH_METRICS_WRITERS', 4),
    series: envInt(env, 'BENCH_METRICS_SERIES', 100),
    filler: envInt(env, 'BENCH_METRICS_FILLER', 770_000),
    runs: envInt(env, 'BENCH_METRICS_RUNS', 5),
    launch: serverLaunchFromEnv(env),
  };
}

interface QueryCase {
  readonly name: string;
  readonly queries: readonly object[];
  readonly baseline: (connection: Parameters<typeof duckdbSeries>[0]) => Promise<SeriesResult>;
}

export function metricsBench(options: MetricsBenchOptions): Promise<BenchResult> {
  return withScratchDir('bench-metrics', async (scratch) => {
    const notes = [loadNote('at start')];
    const layout: PointLayout = { end: Math.floor(Date.now() / 60_000) * 60_000 - 60_000, series: options.series, minutes: 1440, seconds: 86_400, filler: options.filler };
    const points = [...generatePoints(layout)];
    progress(`generated ${points.length.toLocaleString('en-US')} datapoints`);

    const cases: QueryCase[] = [
      { name: `${layout.series} series x 1,440 points`, queries: seriesQueries(layout), baseline: (c) => duckdbSeries(c, layout, "metric = 'Latency'") },
      { name: 'SEARCH of the same series', queries: SEARCH_QUERY, baseline: (c) => duckdbSeries(c, layout, "metric = 'Latency' AND regexp_matches(series, '^s')") },
      { name: 'p99 of one day of 1-second data', queries: P99_QUERY, baseline: (c) => duckdbP99(c, layout) },
    ];

    progress('DuckDB baseline: the same points in a database of our own');
    const csv = join(scratch, 'points.csv');
    await writeFile(csv, points.map((p) => `${p.metricName},${p.series},${p.timestamp},${p.value}`).join('\n'));
    const db = await openScratchDatabase(join(scratch, 'baseline.duckdb'));
    let outcome: WithServerOutcome<MeasuredMetrics>;
    try {
      await db.connection.run(`CREATE TABLE points AS SELECT * FROM read_csv('${csv}', header = false,
        columns = {metric: 'VARCHAR', series: 'VARCHAR', ts: 'BIGINT', value: 'DOUBLE'})`);
      outcome = await withServer({ launch: options.launch, scratchDir: scratch }, async (server) => {
        progress('signing PutMetricData calls');
        const requests: PreparedRequest[] = [];
        for (let i = 0; i < points.length; i += PER_CALL) {
          requests.push(await prepareCloudWatchRequest(server.endpoint, 'PutMetricData', putMetricDataBody(points.slice(i, i + PER_CALL))));
        }
        progress(`PutMetricData: ${requests.length} calls from ${options.writers} writers`);
        const put = await drivePuts(server.endpoint, requests, options.writers);
        const runs: PairedRuns<SeriesResult, SeriesResult>[] = [];
        for (const c of cases) {
          progress(`GetMetricData: ${c.name}, turn about with DuckDB`);
          runs.push(await pairedRuns(options.runs, () => serverMetricData(server.endpoint, layout, c.queries), () => c.baseline(db.connection)));
        }
        return { put, runs };
      });
    } finally {
      db.close();
    }
    const { value: measured, profile } = outcome;

    const ratios: Figure[] = [];
    const absolutes: Figure[] = [
      atLeast('PutMetricData datapoints/s (1,000 per call)', points.length / (measured.put.elapsedMs / 1000), 'datapoints/s', GOAL_PUT),
      context('PutMetricData calls', measured.put.calls, 'calls'),
    ];
    cases.forEach((c, i) => {
      const paired = measured.runs[i];
      if (paired === undefined) return;
      const { ours, theirs } = paired;
      ratios.push(atMost(`GetMetricData / DuckDB time, ${c.name}`, paired.ratio, 'x', GOAL_RATIO));
      absolutes.push(atMost(`GetMetricData, ${c.name}`, ours.medianMs, 'ms', GOAL_QUERY_MS), context(`DuckDB query, ${c.name}`, theirs.medianMs, 'ms'));
      notes.push(`${c.name}: server ${describeRuns(ours)}, DuckDB ${describeRuns(theirs)}; ${agreement(ours.result, theirs.result, i === 2 ? 0.01 : 1e-9)}`);
    });
    notes.push(loadNote('at end'));
    if (profile !== undefined) notes.push(`CPU profile of the server (puts and queries together):\n${profile}`);
    return { bench: 'metrics', ratios, absolutes, notes };
  });
}

/** Same number of points, and sums within `relative` (percentiles: the sketch's accuracy, 1%). */
function agreement(ours: SeriesResult, theirs: SeriesResult, relative: number): string {
  const same = ours.points === theirs.points && Math.abs(ours.sum - theirs.sum) <= Math.abs(theirs.sum) * relative;
  return same
    ? `same ${ours.points.toLocaleString('en-US')} points (sum ${ours.sum.toFixed(2)}) on both sides`
    : `MISMATCH: server ${ours.points} points, sum ${ours.sum}; DuckDB ${theirs.points} points, sum ${theirs.sum}`;
}

/** Every writer keeps one call in flight on its own keep-alive connection until all calls are sent. */
async function drivePuts(endpoint: Parameters<typeof sendPrepared>[0], requests: readonly PreparedRequest[], writers: number): Promise<{ elapsedMs: number; calls: number }> {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: writers }, async () => {
    const agent = keepAliveAgent();
    try {
      while (next < requests.length) {
        const request = requests[next++]!;
        const response = await sendPrepared(endpoint, agent, request);
        if (response.status !== 200) throw new Error(`PutMetricData failed with HTTP ${response.status}: ${response.body.slice(0, 300)}`);
      }
    } finally {
      agent.destroy();
    }
  }));
  return { elapsedMs: performance.now() - started, calls: requests.length };
}

