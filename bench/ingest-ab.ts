import { join, resolve } from 'node:path';
import { envInt, type BenchEnv } from './lib/bench-env.js';
import { createEventLayout } from './lib/event-generator.js';
import { context, type BenchResult, type Figure } from './lib/figures.js';
import { driveIngest } from './lib/ingest-driver.js';
import { generateDataset, signDataset } from './lib/prepared-dataset.js';
import { cpuBetween, cpuSnapshot } from './lib/process-cpu.js';
import { createGroupAndStreams } from './lib/put-log-events-batches.js';
import { loadNote, progress, withScratchDir } from './lib/scratch.js';
import { startServer, type RunningServer } from './lib/server-process.js';
import { median, pairedRuns } from './lib/timed-runs.js';
import type { ServerLaunch } from './lib/with-server.js';

/**
 * Ingest of this build against another one (`BENCH_AB_BASELINE`, the `dist/server/main.js` of, say, a worktree of
 * an older commit), for telling changes apart on a machine whose speed drifts by tens of per cent within minutes,
 * in CPU time too: single runs of one build differ more than most changes do. Both servers run at once and are fed
 * the same pre-signed batches turn about (pairedRuns: ABBA after a warm-up), and the figure is the median of the
 * per-turn ratios.
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
  readonly server: RunningServer;
  /** Every turn this side ran, the warm-up first. */
  readonly turns: Turn[];
  readonly next: () => Promise<void>;
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
      for (const main of [options.launch.main, options.baselineMain]) {
        const server = await startServer({ main });
        const requestFor = await signDataset(server.endpoint, dataset);
        await createGroupAndStreams(server.endpoint, layout);
        const turns: Turn[] = [];
        // Each call ingests the side's next turn of batches; the first is pairedRuns' warm-up.
        const next = async (): Promise<void> => {
          const before = cpuSnapshot(server.pid);
          const fromBatch = turns.length * options.batchesPerTurn;
          const outcome = await driveIngest({ endpoint: server.endpoint, writers: options.writers, requestFor, fromBatch, toBatch: fromBatch + options.batchesPerTurn });
          const cpu = cpuBetween(before, cpuSnapshot(server.pid));
          turns.push({ eventsPerSecond: outcome.acknowledgedEvents / (outcome.elapsedMs / 1000), cpuSecondsPerMillion: cpu.totalSeconds / (outcome.acknowledgedEvents / 1e6) });
        };
        sides.push({ server, turns, next });
      }
      const [current, baseline] = sides as [Side, Side];
      progress(`${options.turns} turns on both servers, turn about, after a warm-up turn`);
      await pairedRuns(options.turns, current.next, baseline.next);
      const currentTurns = current.turns.slice(1);
      const baselineTurns = baseline.turns.slice(1);
      currentTurns.forEach((mine, index) => {
        const theirs = baselineTurns[index] as Turn;
        notes.push(`turn ${index + 1}: this build ${Math.round(mine.eventsPerSecond).toLocaleString('en-US')} events/s (${mine.cpuSecondsPerMillion.toFixed(2)} CPU-s/M), baseline ${Math.round(theirs.eventsPerSecond).toLocaleString('en-US')} (${theirs.cpuSecondsPerMillion.toFixed(2)})`);
      });
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
