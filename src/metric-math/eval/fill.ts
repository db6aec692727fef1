import type { DropTracker, Point } from './series.js';
import { gridTimestamps, seriesFrom, valueMap } from './series.js';
import type { EvaluationContext, TimeSeries } from './value.js';

/** The second argument of FILL: a number, a series, or the keywords REPEAT and LINEAR. */
export type Filler =
  | { readonly kind: 'value'; readonly value: number }
  | { readonly kind: 'series'; readonly series: TimeSeries }
  | { readonly kind: 'repeat' }
  | { readonly kind: 'linear' };

/**
 * FILL (using-metric-math.html): the series becomes non-sparse over the query's time range, one slot per period from
 * StartTime, and each empty slot gets
 * - a value: that number;
 * - a series: that series' value at the same timestamp (the slot stays empty when it has none);
 * - REPEAT: the most recent actual value before the gap (a gap at the start stays empty);
 * - LINEAR: the straight line between the actual values either side of the gap (gaps at either end stay empty).
 */
export function fill(series: TimeSeries, filler: Filler, ctx: EvaluationContext, tracker: DropTracker): TimeSeries {
  const period = series.periodSeconds ?? ctx.periodSeconds;
  const slots = new Set([...gridTimestamps(ctx.startTime, ctx.endTime, period), ...series.timestamps]);
  const times = [...slots].sort((a, b) => a - b);
  const known = valueMap(series);
  const fillerValues = filler.kind === 'series' ? valueMap(filler.series) : undefined;
  const points: Point[] = [];
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as number;
    const actual = known.get(t);
    const value = actual ?? fillValue(filler, t, i, times, known, fillerValues);
    if (value !== undefined) points.push([t, value]);
  }
  return seriesFrom(series.label, points, tracker, series.periodSeconds);
}

function fillValue(
  filler: Filler,
  t: number,
  index: number,
  times: readonly number[],
  known: ReadonlyMap<number, number>,
  fillerValues: ReadonlyMap<number, number> | undefined,
): number | undefined {
  switch (filler.kind) {
    case 'value':
      return filler.value;
    case 'series':
      return fillerValues?.get(t);
    case 'repeat':
      return neighbour(times, index, -1, known)?.value;
    case 'linear': {
      const before = neighbour(times, index, -1, known);
      const after = neighbour(times, index, 1, known);
      if (before === undefined || after === undefined) return undefined;
      return before.value + ((after.value - before.value) * (t - before.t)) / (after.t - before.t);
    }
  }
}

function neighbour(times: readonly number[], index: number, step: -1 | 1, known: ReadonlyMap<number, number>) {
  for (let i = index + step; i >= 0 && i < times.length; i += step) {
    const t = times[i] as number;
    const value = known.get(t);
    if (value !== undefined) return { t, value };
  }
  return undefined;
}
