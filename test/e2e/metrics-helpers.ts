import { uniqueName } from './harness.js';

/** Shared by the metrics e2e tests: times on whole minutes in the recent past, and independent statistics. */

export const MINUTE_MS = 60_000;

/** The start of a whole minute `minutesAgo` minutes before now. */
export function minuteAgo(minutesAgo: number): Date {
  return new Date(Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS - minutesAgo * MINUTE_MS);
}

export function plusSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000);
}

/** A namespace no other test in the run uses. */
export function uniqueNamespace(prefix: string): string {
  return `E2E/${uniqueName(prefix)}`;
}

export interface Summary {
  readonly SampleCount: number;
  readonly Sum: number;
  readonly Minimum: number;
  readonly Maximum: number;
  readonly Average: number;
}

export function summarize(values: readonly number[]): Summary {
  const sum = values.reduce((a, b) => a + b, 0);
  return { SampleCount: values.length, Sum: sum, Minimum: Math.min(...values), Maximum: Math.max(...values), Average: sum / values.length };
}

/** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function nearestRank(values: readonly number[], percent: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** Mean of the values whose rank lies in (low%, high%]. */
export function trimmedMean(values: readonly number[], lowPercent: number, highPercent: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const kept = sorted.slice(Math.round((lowPercent / 100) * sorted.length), Math.round((highPercent / 100) * sorted.length));
  return kept.reduce((a, b) => a + b, 0) / kept.length;
}

export function assertClose(actual: number | undefined, expected: number, relative: number, what: string): void {
  if (actual === undefined || Math.abs(actual - expected) > Math.abs(expected) * relative + 1e-9) {
    throw new Error(`${what}: expected ${expected} (±${relative * 100}%), got ${String(actual)}`);
  }
}
