/** A warm-up run, then `runs` timed runs; the median is the figure, the spread says how noisy the machine was. */
export interface TimedRuns<T> {
  readonly result: T;
  readonly medianMs: number;
  readonly allMs: readonly number[];
}

export async function timedRuns<T>(runs: number, work: () => Promise<T>): Promise<TimedRuns<T>> {
  let result = await work();
  const allMs: number[] = [];
  for (let run = 0; run < runs; run++) result = await timedOnce(work, allMs);
  return { result, medianMs: median(allMs), allMs };
}

export interface PairedRuns<A, B> {
  readonly ours: TimedRuns<A>;
  readonly theirs: TimedRuns<B>;
  /**
   * The median over the turns of ours / theirs, each turn's two runs next to each other in time: drift that moves
   * both sides cancels within a turn, where a ratio of the two medians can pair a fast moment with a slow one.
   */
  readonly ratio: number;
}

/**
 * Two sides timed turn about (after a warm-up of each), in the order ABBA ABBA..., so a machine that speeds up or
 * slows down during the run (other tenants, CPU clocks) weighs on both medians alike, not on whichever side ran last.
 */
export async function pairedRuns<A, B>(runs: number, ours: () => Promise<A>, theirs: () => Promise<B>): Promise<PairedRuns<A, B>> {
  let oursResult = await ours();
  let theirsResult = await theirs();
  const oursMs: number[] = [];
  const theirsMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    if (run % 2 === 0) oursResult = await timedOnce(ours, oursMs);
    theirsResult = await timedOnce(theirs, theirsMs);
    if (run % 2 === 1) oursResult = await timedOnce(ours, oursMs);
  }
  return {
    ours: { result: oursResult, medianMs: median(oursMs), allMs: oursMs },
    theirs: { result: theirsResult, medianMs: median(theirsMs), allMs: theirsMs },
    ratio: median(oursMs.map((ms, turn) => ms / (theirsMs[turn] ?? Number.NaN))),
  };
}

/** Runs `work` once, adding its time to `allMs`. */
async function timedOnce<T>(work: () => Promise<T>, allMs: number[]): Promise<T> {
  const started = performance.now();
  const result = await work();
  allMs.push(performance.now() - started);
  return result;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function describeRuns(runs: TimedRuns<unknown>): string {
  return runs.allMs.map((ms) => ms.toFixed(0)).join('/') + ' ms';
}
