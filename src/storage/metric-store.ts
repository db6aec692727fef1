import type { MetricSketch } from './metric-sketch.js';
import type { Scope } from './scope.js';

export interface MetricDimension {
  readonly name: string;
  readonly value: string;
}

/**
 * A metric is its namespace, name and exact set of dimensions; dimension order does not matter. Names and values
 * must not contain U+0000 or U+0001 (the service rejects control characters first; the store refuses them too).
 */
export interface MetricIdentity {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: readonly MetricDimension[];
}

/** What one datum carries: one value, a value histogram (AWS Values/Counts), or a statistic set. */
export type MetricSample =
  | { readonly kind: 'value'; readonly value: number }
  | { readonly kind: 'values'; readonly values: readonly number[]; readonly counts: readonly number[] }
  | { readonly kind: 'statistics'; readonly sampleCount: number; readonly sum: number; readonly minimum: number; readonly maximum: number };

export interface NewMetricDatum {
  readonly metric: MetricIdentity;
  /** Epoch milliseconds; stored at the start of its second (resolution 1) or minute (resolution 60). */
  readonly timestamp: number;
  /** AWS StandardUnit name; 'None' when the caller gave none. Data of different units never aggregate together. */
  readonly unit: string;
  readonly storageResolution: 1 | 60;
  readonly sample: MetricSample;
}

export interface DimensionFilter {
  readonly name: string;
  readonly value?: string;
}

export interface ListMetricsQuery {
  readonly namespace?: string;
  readonly metricName?: string;
  /** The metric must have every named dimension (with that value when given); it may have others. */
  readonly dimensions?: readonly DimensionFilter[];
  /** Only metrics with a datapoint at or after this time (AWS lists two weeks; RecentlyActive=PT3H is 3 hours). */
  readonly activeSince: number;
  /** From a previous page's nextCursor. */
  readonly after?: string;
  readonly limit: number;
}

export interface MetricPage {
  readonly metrics: readonly MetricIdentity[];
  /** Present when more metrics follow; opaque. */
  readonly nextCursor?: string;
}

/** One metric (optionally one unit of it) to aggregate. */
export interface MetricSelector {
  readonly metric: MetricIdentity;
  readonly unit?: string;
}

export interface AggregateMetricsQuery {
  readonly metrics: readonly MetricSelector[];
  /** Inclusive epoch ms; periods start here. */
  readonly start: number;
  /** Exclusive epoch ms. */
  readonly end: number;
  readonly periodSeconds: number;
  /** Also merge the value distributions (needed for extended statistics only). */
  readonly withDistribution: boolean;
}

/** One period of one unit of a metric. Periods without data are absent. */
export interface MetricPeriodAggregate {
  /** Start of the period, epoch ms: start + k * period. */
  readonly timestamp: number;
  readonly unit: string;
  readonly sampleCount: number;
  readonly sum: number;
  readonly minimum: number;
  readonly maximum: number;
  /**
   * The period's merged value distribution when asked for; undefined when not asked for or when part of the
   * period's samples carry none (statistic sets AWS cannot take percentiles of, spec 9.3).
   */
  readonly distribution?: MetricSketch;
}

export interface MaintenanceOutcome {
  /** Stored rows rolled into coarser ones, or deleted as expired. */
  readonly rows: number;
}

/**
 * CloudWatch metric data. Data is kept as AWS keeps it: 1-second data for 3 hours, then as 1-minute data for
 * 15 days, 5-minute data for 63 days and 1-hour data for 455 days. A query over a period uses only data stored at
 * a resolution no coarser than the period, so it reads the finest resolution still available.
 */
export interface MetricStore {
  /** Stores every datum in one durable write; resolves once committed. Rejects invalid input with RangeError. */
  putMetricData(scope: Scope, data: readonly NewMetricDatum[]): Promise<void>;
  /** Metrics in ASCII order of (namespace, metric name, dimensions sorted by name), one page at a time. */
  listMetrics(scope: Scope, query: ListMetricsQuery): Promise<MetricPage>;
  /** Every metric active since `activeSince` (optionally of one namespace), in listMetrics order: for SEARCH. */
  allMetrics(scope: Scope, query: { readonly activeSince: number; readonly namespace?: string }): Promise<readonly MetricIdentity[]>;
  /** One result per selector, in selector order; each sorted by timestamp, then unit. */
  aggregate(scope: Scope, query: AggregateMetricsQuery): Promise<MetricPeriodAggregate[][]>;
  /** Moves data past its resolution's retention into the next coarser resolution. */
  rollUp(now: number): Promise<MaintenanceOutcome>;
  /** Deletes data older than 455 days, and metrics left without data. */
  purgeExpired(now: number): Promise<MaintenanceOutcome>;
}
