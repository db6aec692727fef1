import { join } from 'node:path';
import { envInt, type BenchEnv } from './lib/bench-env.js';
import { openNdjsonWriter, openScratchDatabase, readEventsSql } from './lib/duckdb-baseline.js';
import { atMost, context, type BenchResult, type Figure } from './lib/figures.js';
import { driveIngest } from './lib/ingest-driver.js';
import { INSIGHTS_CASES, caseSql } from './lib/insights-queries.js';
import { compareRows, duckdbRows, serverRows, type QueryRows } from './lib/insights-results.js';
import { createRecordLayout, recordBatch, recordStreamName, totalRecords, type RecordLayout } from './lib/invocation-records.js';
import { encodeBatch, signBatch } from './lib/put-log-events-batches.js';
import { loadNote, progress, withScratchDir } from './lib/scratch.js';
import { callLogs, type Endpoint } from './lib/signed-client.js';
import { describeRuns, median, pairedRuns, type PairedRuns } from './lib/timed-runs.js';
import { serverLaunchFromEnv, withServer, type ServerLaunch, type WithServerOutcome } from './lib/with-server.js';

/**
 * Logs Insights over Bedrock invocation records: N records loaded over PutLogEvents (not timed), then ten
 * representative queries, each timed end to end through StartQuery + GetQueryResults polling over HTTP, against a
 * hand-written DuckDB query over the same rows in a database of our own. Both sides must return the same rows.
 */
export interface InsightsBenchOptions {
  readonly records: number;
  readonly writers: number;
  readonly eventsPerBatch: number;
  /** Timed runs per query and side, after one warm-up run of each, the sides taking turns (ABBA); the ratio is the median of the turns. */
  readonly runs: number;
  /** GetQueryResults polling period while a query runs. */
  readonly pollMs: number;
  readonly launch: ServerLaunch;
}

const GOAL_MEDIAN_RATIO = 1.3;
const GOAL_MAX_RATIO = 2;
const GOAL_QUERY_MS = 1000;
const LOG_GROUP = '/aws/bedrock/modelinvocations';

interface MeasuredInsights {
  readonly acknowledged: number;
  readonly loadMs: number;
  /** Per case, in INSIGHTS_CASES' order. */
  readonly runs: readonly PairedRuns<QueryRows, QueryRows>[];
}

export function insightsOptionsFromEnv(env: BenchEnv): InsightsBenchOptions {
  return {
    records: envInt(env, 'BENCH_INSIGHTS_RECORDS', 5_000_000),
    writers: envInt(env, 'BENCH_INGEST_WRITERS', 4),
    // Records are up to ~2 KB: 400 of them stay under PutLogEvents' 1 MB.
    eventsPerBatch: envInt(env, 'BENCH_INSIGHTS_EVENTS_PER_BATCH', 400),
    runs: envInt(env, 'BENCH_INSIGHTS_RUNS', 3),
    pollMs: envInt(env, 'BENCH_INSIGHTS_POLL_MS', 5),
    launch: serverLaunchFromEnv(env),
  };
}

async function writeNdjson(layout: RecordLayout, path: string): Promise<void> {
  const out = openNdjsonWriter(path);
  for (let batch = 0; batch < layout.batchesPerWriter; batch++) {
    for (let writer = 0; writer < layout.writers; writer++) await out.write(recordBatch(layout, writer, batch));
  }
  await out.close();
}

async function loadServer(endpoint: Endpoint, layout: RecordLayout): Promise<number> {
  await callLogs(endpoint, 'CreateLogGroup', { logGroupName: layout.logGroupName });
  for (let writer = 0; writer < layout.writers; writer++) {
    await callLogs(endpoint, 'CreateLogStream', { logGroupName: layout.logGroupName, logStreamName: recordStreamName(writer) });
  }
  // Built and signed one batch ahead of each writer: 5 M records of ~1 KB do not fit in memory as request bodies.
  const load = await driveIngest({
    endpoint,
    writers: layout.writers,
    fromBatch: 0,
    toBatch: layout.batchesPerWriter,
    requestFor: (writer, batch) => signBatch(endpoint, encodeBatch(layout.logGroupName, recordBatch(layout, writer, batch))),
  });
  return load.acknowledgedEvents;
}

export function insightsBench(options: InsightsBenchOptions): Promise<BenchResult> {
  return withScratchDir('bench-insights', async (scratch) => {
    const notes = [loadNote('at start')];
    const layout = createRecordLayout({ logGroupName: LOG_GROUP, writers: options.writers, totalRecords: options.records, eventsPerBatch: options.eventsPerBatch, now: Date.now() });
    const rows = totalRecords(layout);
    const ndjson = join(scratch, 'records.ndjson');
    progress(`generating ${rows.toLocaleString('en-US')} invocation records`);
    await writeNdjson(layout, ndjson);

    progress('DuckDB baseline: loading the same records into a database of our own');
    const startTime = Math.floor(layout.baseTime / 1000);
    const endTime = Math.ceil((layout.baseTime + rows * layout.stepMs) / 1000);
    // The range StartQuery reads for these seconds (start-query.ts): both ends inclusive, to the end of endTime.
    const range = { startMs: startTime * 1000, endMs: endTime * 1000 + 999 };
    const db = await openScratchDatabase(join(scratch, 'baseline.duckdb'));
    let outcome: WithServerOutcome<MeasuredInsights>;
    try {
      await db.connection.run(`CREATE TABLE events AS SELECT * FROM ${readEventsSql(ndjson)}`);
      outcome = await withServer({ launch: options.launch, scratchDir: scratch }, async (server) => {
        progress(`loading ${rows.toLocaleString('en-US')} records into the server over PutLogEvents`);
        const started = performance.now();
        const acknowledged = await loadServer(server.endpoint, layout);
        const loadMs = performance.now() - started;
        const runs: PairedRuns<QueryRows, QueryRows>[] = [];
        for (const c of INSIGHTS_CASES) {
          progress(`Insights: ${c.name}, turn about with DuckDB`);
          const query = { endpoint: server.endpoint, logGroupName: LOG_GROUP, startTime, endTime, queryString: c.query, pollMs: options.pollMs };
          runs.push(await pairedRuns(options.runs, () => serverRows(query), () => duckdbRows(db.connection, caseSql(c, range))));
        }
        return { acknowledged, loadMs, runs };
      });
    } finally {
      db.close();
    }
    const { value: measured, profile } = outcome;

    const ratios: Figure[] = [];
    const absolutes: Figure[] = [
      context('records loaded (acknowledged)', measured.acknowledged, 'records'),
      context('load rate (context, not a goal)', measured.acknowledged / (measured.loadMs / 1000), 'records/s'),
    ];
    const each: number[] = [];
    INSIGHTS_CASES.forEach((c, index) => {
      const paired = measured.runs[index];
      if (paired === undefined) return;
      const { ours, theirs } = paired;
      const ratio = paired.ratio;
      each.push(ratio);
      ratios.push(atMost(`Insights / DuckDB time, ${c.name}`, ratio, 'x', GOAL_MAX_RATIO));
      absolutes.push(atMost(`Insights query, ${c.name}`, ours.medianMs, 'ms', GOAL_QUERY_MS), context(`DuckDB query, ${c.name}`, theirs.medianMs, 'ms'));
      const difference = compareRows(ours.result.rows, theirs.result.rows, c.ordered);
      notes.push(
        `${c.name}: server ${describeRuns(ours)} (${ours.result.polls} GetQueryResults calls), DuckDB ${describeRuns(theirs)}; ` +
          (difference === undefined ? `same ${ours.result.rows.length} rows on both sides` : `MISMATCH: ${difference}`),
      );
    });
    ratios.unshift(atMost('Insights / DuckDB time, median of the ten queries', median(each), 'x', GOAL_MEDIAN_RATIO));
    if (measured.acknowledged !== rows) notes.push(`only ${measured.acknowledged} of ${rows} records were acknowledged`);
    notes.push(loadNote('at end'));
    if (profile !== undefined) notes.push(`CPU profile of the server (load and queries together):\n${profile}`);
    return { bench: 'insights', ratios, absolutes, notes };
  });
}
