import { join } from 'node:path';
import { envInt, type BenchEnv } from './lib/bench-env.js';
import { openScratchDatabase, readEventsSql } from './lib/duckdb-baseline.js';
import { createEventLayout, totalEvents } from './lib/event-generator.js';
import { atMost, context, type BenchResult, type Figure } from './lib/figures.js';
import { duckdbMatches, sameMatches, serverMatches, type MatchSet } from './lib/filter-matches.js';
import { driveIngest, type IngestOutcome } from './lib/ingest-driver.js';
import { generateDataset, signDataset } from './lib/prepared-dataset.js';
import { createGroupAndStreams } from './lib/put-log-events-batches.js';
import { loadNote, progress, withScratchDir } from './lib/scratch.js';
import { describeRuns, pairedRuns, type PairedRuns } from './lib/timed-runs.js';
import { serverLaunchFromEnv, withServer, type ServerLaunch } from './lib/with-server.js';

/**
 * FilterLogEvents against a hand-written DuckDB query over the same rows in a database of our own. Every match is
 * collected on both sides: the server is paged with nextToken (limit 10,000 per page) until it stops returning one;
 * DuckDB runs one ORDER BY query whose rows are all materialised in JavaScript.
 */
export interface FilterBenchOptions {
  readonly events: number;
  readonly writers: number;
  readonly eventsPerBatch: number;
  /** Timed runs per pattern and side, after one warm-up run of each, the sides taking turns; the ratio is the median of the turns. */
  readonly runs: number;
  readonly launch: ServerLaunch;
}

interface PatternCase {
  readonly name: string;
  readonly filterPattern: string;
  /** The same predicate, written by hand for DuckDB. */
  readonly where: string;
}

const PATTERNS: readonly PatternCase[] = [
  { name: 'term ERROR', filterPattern: 'ERROR', where: "contains(message, 'ERROR')" },
  {
    name: 'JSON { $.status = 500 }',
    filterPattern: '{ $.status = 500 }',
    // Non-JSON messages never match; numeric comparison, as CloudWatch does for a number on the right.
    where: "json_valid(message) AND TRY_CAST(json_extract_string(message, '$.status') AS DOUBLE) = 500",
  },
];

const GOAL_RATIO = 1.5;

interface MeasuredFilters {
  readonly load: IngestOutcome;
  readonly rows: number;
  /** Per pattern, in PATTERNS' order. */
  readonly runs: readonly PairedRuns<MatchSet, MatchSet>[];
}

export function filterOptionsFromEnv(env: BenchEnv): FilterBenchOptions {
  return {
    events: envInt(env, 'BENCH_FILTER_EVENTS', 1_000_000),
    writers: envInt(env, 'BENCH_INGEST_WRITERS', 4),
    eventsPerBatch: envInt(env, 'BENCH_EVENTS_PER_BATCH', 4_500),
    runs: envInt(env, 'BENCH_FILTER_RUNS', 9),
    launch: serverLaunchFromEnv(env),
  };
}

export function filterBench(options: FilterBenchOptions): Promise<BenchResult> {
  return withScratchDir('bench-filter', async (scratch) => {
    const notes = [loadNote('at start')];
    const layout = createEventLayout({ ...options, totalEvents: options.events, logGroupName: '/bench/filter', now: Date.now() });
    progress(`generating ${totalEvents(layout).toLocaleString('en-US')} events`);
    const dataset = await generateDataset(layout, join(scratch, 'events.ndjson'));

    progress('DuckDB baseline: loading the same rows into a database of our own');
    const db = await openScratchDatabase(join(scratch, 'baseline.duckdb'));
    try {
      await db.connection.run(`CREATE TABLE events AS SELECT * FROM ${readEventsSql(dataset.ndjsonPath)}`);
      const { value: measured, profile } = await withServer({ launch: options.launch, scratchDir: scratch }, async (server) => {
        await createGroupAndStreams(server.endpoint, layout);
        const requestFor = await signDataset(server.endpoint, dataset);
        progress(`loading ${dataset.rows.toLocaleString('en-US')} events into the server`);
        const load = await driveIngest({ endpoint: server.endpoint, writers: layout.writers, requestFor, fromBatch: 0, toBatch: layout.batchesPerWriter });
        const runs: PairedRuns<MatchSet, MatchSet>[] = [];
        for (const pattern of PATTERNS) {
          progress(`FilterLogEvents '${pattern.filterPattern}', turn about with DuckDB`);
          const sql = `SELECT log_stream, timestamp, message FROM events WHERE ${pattern.where} ORDER BY timestamp, log_stream`;
          runs.push(await pairedRuns(
            options.runs,
            () => serverMatches(server.endpoint, layout.logGroupName, pattern.filterPattern),
            () => duckdbMatches(db.connection, sql),
          ));
        }
        return { load, runs, rows: dataset.rows };
      });
      return report(measured, profile, notes);
    } finally {
      db.close();
    }
  });
}

function report(measured: MeasuredFilters, profile: string | undefined, notes: string[]): BenchResult {
  const ratios: Figure[] = [];
  const absolutes: Figure[] = [
    context('events loaded (acknowledged)', measured.load.acknowledgedEvents, 'events'),
    context('load rate (context)', measured.load.acknowledgedEvents / (measured.load.elapsedMs / 1000), 'events/s'),
  ];
  PATTERNS.forEach((pattern, index) => {
    const paired = measured.runs[index];
    if (paired === undefined) return;
    const { ours, theirs } = paired;
    ratios.push(atMost(`FilterLogEvents / DuckDB time, ${pattern.name}`, paired.ratio, 'x', GOAL_RATIO));
    absolutes.push(
      atMost(`FilterLogEvents all matches, ${pattern.name}`, ours.medianMs, 'ms', GOAL_RATIO * theirs.medianMs),
      context(`DuckDB query, ${pattern.name}`, theirs.medianMs, 'ms'),
      context(`matches, ${pattern.name}`, ours.result.count, 'events'),
    );
    notes.push(
      `${pattern.name}: server runs ${describeRuns(ours)} over ${ours.result.pages} page(s); DuckDB runs ${describeRuns(theirs)}; ` +
        (sameMatches(ours.result, theirs.result)
          ? `same ${ours.result.count} matches on both sides`
          : `MISMATCH: server ${ours.result.count} matches, DuckDB ${theirs.result.count} (or different events)`),
    );
  });
  if (measured.load.acknowledgedEvents !== measured.rows) notes.push(`only ${measured.load.acknowledgedEvents} of ${measured.rows} events were acknowledged`);
  notes.push(loadNote('at end'));
  if (profile !== undefined) notes.push(`CPU profile of the server (load and queries together):\n${profile}`);
  return { bench: 'filter', ratios, absolutes, notes };
}
