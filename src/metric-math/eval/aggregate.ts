import type { DropTracker } from './series.js';
import { seriesFrom, unionTimestamps, valueMap } from './series.js';
import type { Fail } from './state.js';
import { describe } from './state.js';
import type { MathValue, TimeSeries } from './value.js';
import { scalar, single } from './value.js';

export type Reducer = 'AVG' | 'MIN' | 'MAX' | 'SUM' | 'STDDEV';

/**
 * AVG, MIN, MAX, SUM, STDDEV (using-metric-math.html): over one TS a scalar from all its points; over a TS[] one TS
 * whose point at each timestamp combines the members, a member without a point there counting as 0 (AWS, for AVG:
 * "Missing values are treated as 0"; applied to all five so the arithmetic rule holds throughout). STDDEV is the
 * population standard deviation [unconfirmed: AWS does not say which]. The result series is labelled by the function.
 */
export function aggregate(fn: Reducer, value: MathValue, tracker: DropTracker, fail: Fail): MathValue {
  if (value.kind === 'series') return scalar(reduce(fn, value.series.values));
  if (value.kind === 'scalar') return fail(`${fn} expects a time series or an array of time series, got ${describe(value)}`);
  return single(acrossArray(fn, value.series, tracker, (values) => reduce(fn, values)));
}

/** DATAPOINT_COUNT: the number of points of a TS, or per timestamp how many members of a TS[] have one. */
export function datapointCount(value: MathValue, tracker: DropTracker, fail: Fail): MathValue {
  if (value.kind === 'series') return scalar(value.series.values.length);
  if (value.kind === 'scalar') return fail(`DATAPOINT_COUNT expects a time series or an array of time series, got ${describe(value)}`);
  const maps = value.series.map(valueMap);
  const points = unionTimestamps(value.series).map((t) => [t, maps.filter((m) => m.has(t)).length] as const);
  return single(seriesFrom('DATAPOINT_COUNT', points, tracker, value.series[0]?.periodSeconds));
}

/** The reduction of one list of values; an empty list gives 0 for SUM and no number (NaN) otherwise. */
export function reduce(fn: Reducer, values: readonly number[]): number {
  if (values.length === 0) return fn === 'SUM' ? 0 : Number.NaN;
  switch (fn) {
    case 'SUM':
      return values.reduce((a, b) => a + b, 0);
    case 'AVG':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'MIN':
      return Math.min(...values);
    case 'MAX':
      return Math.max(...values);
    case 'STDDEV': {
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    }
  }
}

function acrossArray(
  fn: string,
  members: readonly TimeSeries[],
  tracker: DropTracker,
  combine: (values: number[]) => number,
): TimeSeries {
  const maps = members.map(valueMap);
  const points = unionTimestamps(members).map((t) => [t, combine(maps.map((m) => m.get(t) ?? 0))] as const);
  return seriesFrom(fn, points, tracker, members[0]?.periodSeconds);
}
