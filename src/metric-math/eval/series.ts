import type { TimeSeries } from './value.js';

/** Records that a point was dropped for being NaN or infinite, so the result can carry AWS's ArithmeticError. */
export interface DropTracker {
  dropped: boolean;
}

export type Point = readonly [timestamp: number, value: number];

/** Builds a series from points in ascending time, dropping non-finite values (AWS drops them, e.g. x/0). */
export function seriesFrom(label: string, points: Iterable<Point>, tracker: DropTracker, periodSeconds?: number): TimeSeries {
  const timestamps: number[] = [];
  const values: number[] = [];
  for (const [t, v] of points) {
    if (Number.isFinite(v)) {
      timestamps.push(t);
      values.push(v);
    } else {
      tracker.dropped = true;
    }
  }
  return periodSeconds === undefined ? { label, timestamps, values } : { label, timestamps, values, periodSeconds };
}

export function pointsOf(series: TimeSeries): Point[] {
  return series.timestamps.map((t, i) => [t, series.values[i] ?? Number.NaN] as const);
}

export function valueMap(series: TimeSeries): Map<number, number> {
  return new Map(pointsOf(series));
}

/** Every timestamp present in any of the series, ascending. */
export function unionTimestamps(all: readonly TimeSeries[]): number[] {
  const set = new Set<number>();
  for (const s of all) for (const t of s.timestamps) set.add(t);
  return [...set].sort((a, b) => a - b);
}

/** `startTime, startTime + step, ...` below `endTime`: the slots of a non-sparse series. */
export function gridTimestamps(startTime: number, endTime: number, periodSeconds: number): number[] {
  const step = periodSeconds * 1000;
  const out: number[] = [];
  for (let t = startTime; t < endTime; t += step) out.push(t);
  return out;
}

/** Applies `fn` to every value (ABS, CEIL, arithmetic with a scalar...). */
export function mapSeries(series: TimeSeries, fn: (value: number, timestamp: number) => number, tracker: DropTracker): TimeSeries {
  const points = pointsOf(series).map(([t, v]) => [t, fn(v, t)] as const);
  return seriesFrom(series.label, points, tracker, series.periodSeconds);
}
