import type { DropTracker } from './series.js';
import { gridTimestamps, seriesFrom } from './series.js';
import type { EvaluationContext, TimeSeries } from './value.js';

/**
 * TIME_SERIES(S) and MINUTE/HOUR/DAY/DATE/MONTH/YEAR/EPOCH(TS): non-sparse series, one point per period across the
 * query's range (AWS: "take the period and range of the time series and return a new non-sparse time series where
 * each value is based on its timestamp"). Time parts are UTC; DAY is 1 (Monday) to 7 (Sunday), EPOCH is seconds.
 */
export function constantSeries(value: number, ctx: EvaluationContext, tracker: DropTracker): TimeSeries {
  const times = gridTimestamps(ctx.startTime, ctx.endTime, ctx.periodSeconds);
  return seriesFrom('TIME_SERIES', times.map((t) => [t, value] as const), tracker, ctx.periodSeconds);
}

const PARTS: Readonly<Record<string, (d: Date) => number>> = {
  MINUTE: (d) => d.getUTCMinutes(),
  HOUR: (d) => d.getUTCHours(),
  DAY: (d) => ((d.getUTCDay() + 6) % 7) + 1,
  DATE: (d) => d.getUTCDate(),
  MONTH: (d) => d.getUTCMonth() + 1,
  YEAR: (d) => d.getUTCFullYear(),
  EPOCH: (d) => Math.floor(d.getTime() / 1000),
};

export function timePartSeries(part: string, input: TimeSeries, ctx: EvaluationContext, tracker: DropTracker): TimeSeries {
  const period = input.periodSeconds ?? ctx.periodSeconds;
  const fn = PARTS[part] ?? ((d: Date) => d.getTime());
  const times = gridTimestamps(ctx.startTime, ctx.endTime, period);
  return seriesFrom(input.label, times.map((t) => [t, fn(new Date(t))] as const), tracker, period);
}
