import { join, resolve } from 'node:path';
import { envInt, type BenchEnv } from './lib/bench-env.js';
import { createEventLayout } from './lib/event-generator.js';
import { context, type BenchResult, type Figure } from './lib/figures.js';
import { driveIngest, type IngestRequest } from './lib/ingest-driver.js';
import { generateDataset, signDataset } from './lib/prepared-dataset.js';
import { cpuBetween, cpuSnapshot } from './lib/process-cpu.js';
import { createGroupAndStreams } from './lib/put-log-events-batches.js';
import { loadNote, progress, withScratchDir } from './lib/scratch.js';
import { startServer, type RunningServer } from './lib/server-process.js';
import { median } from './lib/timed-runs.js';
import type { ServerLaunch } from './lib/with-server.js';

/**
 * Ingest of this build against another one (`BENCH_AB_BASELINE`, the `dist/server/main.js` of, say, a worktree of
 * an older commit), for telling changes apart on a machine whose speed drifts by tens of per cent within minutes,
 * in CPU time too: single runs of one build differ more than most changes do. Both servers run at once and are fed
 * the same pre-signed batches turn about (ABBA), and the figure is the median of the per-turn ratios.
 */
export interface IngestAbOptions {
  readonly baselineMain: string;
  readonly turns: number;
  /** Batches per writer in each turn (4,500 events each). */
  readonly batchesPerTurn: number;
  readonly writers: number;
  readonly launch: ServerLaunch;
}

const EVENTS_PER_BATCH = 4_500;

export function ingestAbOptionsFromEnv(env: BenchEnv, launch: ServerLaunch): IngestAbOptions {
  const baseline = env.BENCH_AB_BASELINE;
  if (baseline === undefined || baseline.trim() === '') throw new Error('BENCH_AB_BASELINE must name the baseline build\'s dist/server/main.js');
  return {
    baselineMain: resolve(baseline),
    turns: envInt(env, 'BENCH_AB_TURNS', 8),
    batchesPerTurn: envInt(env, 'BENCH_AB_BATCHES_PER_TURN', 25),
    writers: envInt(env, 'BENCH_INGEST_WRITERS', 4),
    launch,
  };
}

interface Side {
  readonly name: string;
  readonly server: RunningServer;
  readonly requestFor: (writer: number, batch: number) => Promise<IngestRequest>;
}

interface Turn {
  readonly eventsPerSecond: number;
  readonly cpuSecondsPerMillion: number;
}

export function ingestAbBench(options: IngestAbOptions): Promise<BenchResult> {
  return withScratchDir('bench-ingest-ab', async (scratch) => {
    const notes = [loadNote('at start')];
    const batchesPerWriter = options.batchesPerTurn * (options.turns + 1);
    const layout = createEventLayout({
      logGroupName: '/bench/ingest-ab',
      writers: options.writers,
      totalEvents: options.writers * EVENTS_PER_BATCH * batchesPerWriter,
      eventsPerBatch: EVENTS_PER_BATCH,
      now: Date.now(),
    });
    progress(`generating ${options.turns + 1} turns of ${(options.writers * options.batchesPerTurn * EVENTS_PER_BATCH).toLocaleString('en-US')} events`);
    const dataset = await generateDataset(layout, join(scratch, 'events.ndjson'));
    const sides: Side[] = [];
    try {
      for (const [name, main] of [['this build', options.launch.main], ['baseline', options.baselineMain]] as const) {
        const server = await startServer({ main });
        sides.push({ name, server, requestFor: await signDataset(server.endpoint, dataset) });
        await createGroupAndStreams(server.endpoint, layout);
      }
      const [current, baseline] = sides as [Side, Side];
      const run = async (side: Side, turn: number): Promise<Turn> => {
        const before = cpuSnapshot(side.server.pid);
        const fromBatch = turn * options.batchesPerTurn;
        const outcome = await driveIngest({ endpoint: side.server.endpoint, writers: options.writers, requestFor: side.requestFor, fromBatch, toBatch: fromBatch + options.batchesPerTurn });
        const cpu = cpuBetween(before, cpuSnapshot(side.server.pid));
        return { eventsPerSecond: outcome.acknowledgedEvents / (outcome.elapsedMs / 1000), cpuSecondsPerMillion: cpu.totalSeconds / (outcome.acknowledgedEvents / 1e6) };
      };
      progress('warm-up turn on both servers (not counted)');
      for (const side of sides) await run(side, 0);
      const currentTurns: Turn[] = [];
      const baselineTurns: Turn[] = [];
      for (let turn = 1; turn <= options.turns; turn++) {
        // ABBA: the side that goes first alternates, so a drift within a turn weighs on both.
        const order = turn % 2 === 1 ? [current, baseline] : [baseline, current];
        for (const side of order) (side === current ? currentTurns : baselineTurns).push(await run(side, turn));
        const mine = currentTurns[turn - 1] as Turn;
        const theirs = baselineTurns[turn - 1] as Turn;
        notes.push(`turn ${turn}: this build ${Math.round(mine.eventsPerSecond).toLocaleString('en-US')} events/s (${mine.cpuSecondsPerMillion.toFixed(2)} CPU-s/M), baseline ${Math.round(theirs.eventsPerSecond).toLocaleString('en-US')} (${theirs.cpuSecondsPerMillion.toFixed(2)})`);
      }
      const perTurn = (pick: (turn: Turn) => number): number[] => currentTurns.map((turn, index) => pick(turn) / pick(baselineTurns[index] as Turn));
      const ratios: Figure[] = [
        context('ingest events/s, this build / baseline (median of per-turn ratios)', median(perTurn((turn) => turn.eventsPerSecond)), 'x'),
        context('server CPU per event, this build / baseline (median of per-turn ratios)', median(perTurn((turn) => turn.cpuSecondsPerMillion)), 'x'),
      ];
      const absolutes: Figure[] = [
        context('this build, median events/s', median(currentTurns.map((turn) => turn.eventsPerSecond)), 'events/s'),
        context('baseline, median events/s', median(baselineTurns.map((turn) => turn.eventsPerSecond)), 'events/s'),
        context('this build, median server CPU per million events', median(currentTurns.map((turn) => turn.cpuSecondsPerMillion)), 'CPU s'),
        context('baseline, median server CPU per million events', median(baselineTurns.map((turn) => turn.cpuSecondsPerMillion)), 'CPU s'),
      ];
      notes.push(`baseline: ${options.baselineMain}`, loadNote('at end'));
      return { bench: 'ingest-ab', ratios, absolutes, notes };
    } finally {
      for (const side of sides) await side.server.stop();
    }
  });
}
