import { invalidParameterCombination, invalidParameterValue } from './errors.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** AWS's datapoint limit for one GetMetricStatistics call. */
export const MAX_STATISTICS_DATAPOINTS = 1440;

export interface QueryRange {
  /** Epoch ms, rounded down as AWS rounds StartTime. */
  readonly start: number;
  /** Epoch ms, exclusive. */
  readonly end: number;
  readonly periodSeconds: number;
  /**
   * False when the period is finer than the data kept for that age (e.g. 60 s for a start 20 days ago): AWS then
   * returns no datapoints rather than an error.
   */
  readonly servable: boolean;
}

/** 1, 5, 10, 20, 30 (high resolution) or a multiple of 60 (spec 9.4). */
export function checkPeriod(period: number, parameter: string): void {
  if ([1, 5, 10, 20, 30].includes(period) || (period > 0 && period % 60 === 0)) return;
  throw invalidParameterValue(`The parameter ${parameter} must be 1, 5, 10, 20, 30 or a multiple of 60.`);
}

/**
 * Applies AWS's time rules (spec 9.4): StartTime is rounded down to the minute when less than 15 days old, to 5 minutes
 * up to 63 days, to the hour beyond (and to the period itself for 1-30 s periods on recent data); older data only
 * answers periods that are multiples of its stored resolution.
 */
export function queryRange(options: { readonly startSeconds: number; readonly endSeconds: number; readonly period: number; readonly now: number }): QueryRange {
  const { period, now } = options;
  const startMs = Math.round(options.startSeconds * 1000);
  const end = Math.round(options.endSeconds * 1000);
  const age = now - startMs;
  const resolution = age > 63 * DAY_MS ? 3600 : age > 15 * DAY_MS ? 300 : age > 3 * HOUR_MS ? 60 : Math.min(period, 60);
  const start = Math.floor(startMs / (resolution * 1000)) * resolution * 1000;
  if (start >= end) throw invalidParameterValue('The parameter StartTime must be less than the parameter EndTime.');
  return { start, end, periodSeconds: period, servable: period % resolution === 0 };
}

/** The observed 1,440-datapoint error of GetMetricStatistics. */
export function checkDatapointLimit(range: QueryRange): void {
  const requested = Math.ceil((range.end - range.start) / (range.periodSeconds * 1000));
  if (requested <= MAX_STATISTICS_DATAPOINTS) return;
  throw invalidParameterCombination(
    `You have requested up to ${requested.toLocaleString('en-US')} datapoints, which exceeds the limit of ` +
      `${MAX_STATISTICS_DATAPOINTS.toLocaleString('en-US')}. You may reduce the datapoints requested by increasing Period, ` +
      'or decreasing the time range.',
  );
}
