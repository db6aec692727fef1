/** A warm-up run, then `runs` timed runs; the median is the figure, the spread says how noisy the machine was. */
export interface TimedRuns<T> {
  readonly result: T;
  readonly medianMs: number;
  readonly allMs: readonly number[];
}

export async function timedRuns<T>(runs: number, work: () => Promise<T>): Promise<TimedRuns<T>> {
  let result = await work();
  const allMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    result = await work();
    allMs.push(performance.now() - started);
  }
  return { result, medianMs: median(allMs), allMs };
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
