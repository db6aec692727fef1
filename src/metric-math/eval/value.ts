import type { InsightsQuery } from '../insights/insights-ast.js';
import type { SearchQuery } from '../search/search-ast.js';

/** One time series: aligned arrays, timestamps in epoch milliseconds, ascending, no duplicates. Sparse. */
export interface TimeSeries {
  readonly label: string;
  readonly timestamps: readonly number[];
  readonly values: readonly number[];
  /** The period (seconds) of a MetricStat result; PERIOD() reads it and gap filling uses it as the step. */
  readonly periodSeconds?: number;
}

/** AWS's three types of metric math: S (scalar), TS (time series) and TS[] (array of time series). */
export type MathValue =
  | { readonly kind: 'scalar'; readonly value: number }
  | { readonly kind: 'series'; readonly series: TimeSeries }
  | { readonly kind: 'array'; readonly series: readonly TimeSeries[] };

/** A GetMetricData `MessageData` for one result (AWS's per-result `Messages`). */
export interface MathMessage {
  readonly code: string;
  readonly value: string;
}

/** Observed AWS text when non-finite points (x/0, LOG(0), ...) are dropped from a result (Code `ArithmeticError`). */
export const ARITHMETIC_ERROR_MESSAGE: MathMessage = {
  code: 'ArithmeticError',
  value: 'One or more data-points have been dropped due to non-numeric values (NaN, -Infinite, +Infinite)',
};

/** What an expression can read besides its own text: the other queries of the request and the metric store. */
export interface MathDataSource {
  /** Ids of the request's MetricStat queries in request order: what METRICS() returns (never expressions). */
  readonly metricIds: readonly string[];
  /** The result of another query of the same request by Id, already evaluated; undefined when there is no such Id. */
  series(id: string): TimeSeries | readonly TimeSeries[] | undefined;
  /** Every metric matching a SEARCH, as `statistic` over `periodSeconds`, labelled for display. */
  search(query: SearchQuery, statistic: string, periodSeconds: number): Promise<readonly TimeSeries[]>;
  /** A Metrics Insights query: one series per group (one series in all without GROUP BY), ordered and limited. */
  insights(query: InsightsQuery, periodSeconds: number): Promise<readonly TimeSeries[]>;
}

export interface EvaluationContext {
  /** The period of the MetricDataQuery being evaluated (its Period, or what the caller chose). */
  readonly periodSeconds: number;
  /** Inclusive start, epoch ms, already rounded the way GetMetricData rounds StartTime. */
  readonly startTime: number;
  /** Exclusive end, epoch ms. */
  readonly endTime: number;
  readonly source: MathDataSource;
}

export interface EvaluationResult {
  /** A time series or an array of time series: AWS refuses expressions whose final result is a scalar. */
  readonly value: MathValue & { readonly kind: 'series' | 'array' };
  readonly messages: readonly MathMessage[];
}

export const scalar = (value: number): MathValue => ({ kind: 'scalar', value });
export const single = (series: TimeSeries): MathValue => ({ kind: 'series', series });
export const array = (series: readonly TimeSeries[]): MathValue => ({ kind: 'array', series });
