import type { Migration } from './migration.js';

/**
 * CloudWatch metrics, beside (and independent of) the log tables. A series is one unit of one metric, because AWS
 * never aggregates data of different units together. Each datapoint row keeps exact count/sum/min/max; its value
 * distribution is either the single key `point_key` (dist = 1: every sample has the same value, the common case of
 * one Value) or rows in metric_buckets (dist = 2); dist = 0 marks a statistic set AWS cannot take percentiles of.
 * `resolution` is the row's storage resolution in seconds (1, 60, 300, 3600); roll-up moves rows to the next one.
 */
export const metricTables: Migration = {
  version: 2,
  name: 'metric tables',
  statements: [
    `CREATE TABLE metric_series (
      series_id BIGINT NOT NULL,
      account_id VARCHAR NOT NULL,
      region VARCHAR NOT NULL,
      namespace VARCHAR NOT NULL,
      metric_name VARCHAR NOT NULL,
      dimensions VARCHAR NOT NULL,
      unit VARCHAR NOT NULL
    )`,
    `CREATE TABLE metric_points (
      series_id BIGINT NOT NULL,
      resolution INTEGER NOT NULL,
      ts BIGINT NOT NULL,
      sample_count DOUBLE NOT NULL,
      sum DOUBLE NOT NULL,
      min DOUBLE NOT NULL,
      max DOUBLE NOT NULL,
      point_key INTEGER NOT NULL,
      dist TINYINT NOT NULL
    )`,
    `CREATE TABLE metric_buckets (
      series_id BIGINT NOT NULL,
      resolution INTEGER NOT NULL,
      ts BIGINT NOT NULL,
      key INTEGER NOT NULL,
      count DOUBLE NOT NULL
    )`,
  ],
};
