import type { DropTracker, Point } from './series.js';
import { mapSeries, pointsOf, seriesFrom } from './series.js';
import type { TimeSeries } from './value.js';

/** Point-wise functions of one series (AWS: TS -> TS, applied to each member of a TS[]). */
export const POINTWISE: Readonly<Record<string, (v: number) => number>> = {
  ABS: Math.abs,
  CEIL: Math.ceil,
  FLOOR: Math.floor,
  LOG: Math.log,
  LOG10: Math.log10,
  SQRT: Math.sqrt,
};

export function pointwise(name: string, series: TimeSeries, tracker: DropTracker): TimeSeries {
  const fn = POINTWISE[name] ?? ((v: number) => v);
  return mapSeries(series, fn, tracker);
}

/**
 * Functions of consecutive reported points (sparse: "previous" is the previous point that exists, not the previous
 * period). The first point has no predecessor and yields nothing.
 * - DIFF: value minus the previous value.
 * - DIFF_TIME: seconds between the point and the previous one.
 * - RATE: (value - previous value) / seconds between them (AWS: "rate of change of the metric per second").
 */
export const CONSECUTIVE = ['DIFF', 'DIFF_TIME', 'RATE'] as const;

export function consecutive(name: string, series: TimeSeries, tracker: DropTracker): TimeSeries {
  const points = pointsOf(series);
  const out: Point[] = [];
  for (let i = 1; i < points.length; i++) {
    const [t0, v0] = points[i - 1] as Point;
    const [t1, v1] = points[i] as Point;
    const seconds = (t1 - t0) / 1000;
    const value = name === 'DIFF' ? v1 - v0 : name === 'DIFF_TIME' ? seconds : (v1 - v0) / seconds;
    out.push([t1, value]);
  }
  return seriesFrom(series.label, out, tracker, series.periodSeconds);
}

/** RUNNING_SUM: each point is the sum of all points up to and including it. */
export function runningSum(series: TimeSeries, tracker: DropTracker): TimeSeries {
  let total = 0;
  const points = pointsOf(series).map(([t, v]) => {
    total += v;
    return [t, total] as const;
  });
  return seriesFrom(series.label, points, tracker, series.periodSeconds);
}
