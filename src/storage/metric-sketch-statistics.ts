import type { MetricSketch } from './metric-sketch.js';

/** One period's exact summary plus its distribution: what every extended statistic is computed from. */
export interface SketchedPeriod {
  readonly sampleCount: number;
  readonly sum: number;
  readonly minimum: number;
  readonly maximum: number;
  readonly distribution: MetricSketch;
}

/** A bound of TM/TC/TS/WM/PR: `90%` is a percentile, `150` an absolute value. */
export type StatisticBound = { readonly percent: number } | { readonly value: number };

/**
 * An extended statistic (spec 9.6), already parsed: `p99` is {kind:'percentile', percent:99}; `tm90` is
 * {kind:'trimmedMean', upper:{percent:90}}; `IQM` is trimmedMean 25%..75%; `PR(10:50)` is percentRank.
 */
export type ExtendedStatistic =
  | { readonly kind: 'percentile'; readonly percent: number }
  | {
      readonly kind: 'trimmedMean' | 'trimmedCount' | 'trimmedSum' | 'winsorizedMean' | 'percentRank';
      readonly lower?: StatisticBound;
      readonly upper?: StatisticBound;
    };

/**
 * Evaluates an extended statistic on a period; undefined when AWS returns no value (no values inside the bounds).
 * Everything is computed on ranks: a percent bound is a rank (percent x count), an absolute bound becomes the rank
 * of that value. Absolute bounds exclude the lower and include the upper value, as AWS does.
 */
export function evaluateExtendedStatistic(period: SketchedPeriod, statistic: ExtendedStatistic): number | undefined {
  const { distribution: sketch, minimum, maximum } = period;
  const total = sketch.count;
  if (!(total > 0)) return undefined;
  if (statistic.kind === 'percentile') return valueAt(period, (statistic.percent / 100) * total);
  const low = toRank(period, statistic.lower, 0);
  const high = Math.max(low, toRank(period, statistic.upper, total));
  const count = high - low;
  switch (statistic.kind) {
    case 'percentRank':
      return (count / total) * 100;
    case 'trimmedCount':
      return count;
    case 'trimmedSum':
      return count > 0 ? sketch.sumBetweenRanks(low, high, minimum, maximum) : 0;
    case 'trimmedMean':
      return count > 0 ? sketch.sumBetweenRanks(low, high, minimum, maximum) / count : undefined;
    case 'winsorizedMean': {
      if (count <= 0) return undefined;
      const inside = sketch.sumBetweenRanks(low, high, minimum, maximum);
      return (inside + low * valueAt(period, low) + (total - high) * valueAt(period, high)) / total;
    }
  }
}

/** The value at a rank, exact at both ends (the period's minimum and maximum are exact). */
function valueAt(period: SketchedPeriod, rank: number): number {
  if (rank <= 0) return period.minimum;
  if (rank >= period.distribution.count) return period.maximum;
  return Math.min(period.maximum, Math.max(period.minimum, period.distribution.valueAtRank(rank)));
}

function toRank(period: SketchedPeriod, bound: StatisticBound | undefined, otherwise: number): number {
  const total = period.distribution.count;
  if (bound === undefined) return otherwise;
  if ('percent' in bound) return (Math.min(100, Math.max(0, bound.percent)) / 100) * total;
  if (bound.value < period.minimum) return 0;
  if (bound.value >= period.maximum) return total;
  return Math.min(total, Math.max(0, period.distribution.rankOfValue(bound.value)));
}
