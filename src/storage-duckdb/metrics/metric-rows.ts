import { BIGINT, DOUBLE, INTEGER, TINYINT, type DuckDBAppender } from '@duckdb/node-api';
import { sketchKey, type MetricSample, type NewMetricDatum } from '../../storage/index.js';
import { ChunkBuffer, bigints, doubles, ints, tinyints } from './chunk-buffer.js';

/** metric_points.dist: how a row's value distribution is stored. */
export const NO_DISTRIBUTION = 0;
export const POINT_DISTRIBUTION = 1;
export const BUCKET_DISTRIBUTION = 2;

/** Turns data into metric_points and metric_buckets rows (column order as in the 0002 migration). */
export class MetricRows {
  private readonly points = new ChunkBuffer([BIGINT, INTEGER, BIGINT, DOUBLE, DOUBLE, DOUBLE, DOUBLE, INTEGER, TINYINT], [bigints(), ints(), bigints(), doubles(), doubles(), doubles(), doubles(), ints(), tinyints()] as const);
  private readonly buckets = new ChunkBuffer([BIGINT, INTEGER, BIGINT, INTEGER, DOUBLE], [bigints(), ints(), bigints(), ints(), doubles()] as const);

  begin(points: DuckDBAppender, buckets: DuckDBAppender): void {
    this.points.begin(points);
    this.buckets.begin(buckets);
  }

  /** Adds one datum of series `seriesId`; a datum with no samples (all counts 0) adds nothing. */
  add(seriesId: number, datum: NewMetricDatum): void {
    const summary = summarise(datum.sample);
    if (summary === undefined) return;
    const step = datum.storageResolution * 1000;
    const series = BigInt(seriesId);
    const ts = BigInt(datum.timestamp - (((datum.timestamp % step) + step) % step));
    const [ids, resolutions, times, counts, sums, mins, maxes, keys, dists] = this.points.columns;
    const row = this.points.rows;
    ids[row] = series;
    resolutions[row] = datum.storageResolution;
    times[row] = ts;
    counts[row] = summary.count;
    sums[row] = summary.sum;
    mins[row] = summary.min;
    maxes[row] = summary.max;
    keys[row] = summary.dist === POINT_DISTRIBUTION ? sketchKey(summary.min) : 0;
    dists[row] = summary.dist;
    this.points.next();
    if (summary.dist !== BUCKET_DISTRIBUTION || datum.sample.kind !== 'values') return;
    const { values, counts: weights } = datum.sample;
    const [bucketIds, bucketResolutions, bucketTimes, bucketKeys, bucketCounts] = this.buckets.columns;
    values.forEach((value, index) => {
      const weight = weights[index] ?? 1;
      if (!(weight > 0)) return;
      const at = this.buckets.rows;
      bucketIds[at] = series;
      bucketResolutions[at] = datum.storageResolution;
      bucketTimes[at] = ts;
      bucketKeys[at] = sketchKey(value);
      bucketCounts[at] = weight;
      this.buckets.next();
    });
  }

  /** Hands the remaining rows to the appenders (which the caller then closes). */
  finish(): void {
    this.points.flush();
    this.buckets.flush();
  }
}

interface Summary {
  readonly count: number;
  readonly sum: number;
  readonly min: number;
  readonly max: number;
  readonly dist: number;
}

function summarise(sample: MetricSample): Summary | undefined {
  switch (sample.kind) {
    case 'value':
      return { count: 1, sum: sample.value, min: sample.value, max: sample.value, dist: POINT_DISTRIBUTION };
    case 'statistics': {
      const { sampleCount: count, sum, minimum: min, maximum: max } = sample;
      if (!(count > 0)) return undefined;
      // Spec 9.3: a statistic set has percentiles only when every sample provably has the same value.
      const uniform = min === max && (sum === min * count || (count === 1 && sum === min));
      return { count, sum, min, max, dist: uniform ? POINT_DISTRIBUTION : NO_DISTRIBUTION };
    }
    case 'values': {
      let count = 0;
      let sum = 0;
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      sample.values.forEach((value, index) => {
        const weight = sample.counts[index] ?? 1;
        if (!(weight > 0)) return;
        count += weight;
        sum += value * weight;
        if (value < min) min = value;
        if (value > max) max = value;
      });
      if (count === 0) return undefined;
      return { count, sum, min, max, dist: min === max ? POINT_DISTRIBUTION : BUCKET_DISTRIBUTION };
    }
  }
}
