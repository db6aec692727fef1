import type { ExtendedStatistic, StatisticBound } from './metric-sketch-statistics.js';

/**
 * Exact extended statistics over raw values, sorting everything: the yardstick the sketch is measured against
 * (tests and the metric store contract only).
 */
export function exactExtendedStatistic(values: readonly number[], statistic: ExtendedStatistic): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  const total = sorted.length;
  if (total === 0) return undefined;
  const at = (rank: number): number => sorted[Math.min(total, Math.max(1, Math.ceil(rank))) - 1] as number;
  if (statistic.kind === 'percentile') return at((statistic.percent / 100) * total);
  // Values kept: by 1-based rank r in (lowRank, highRank] for percent bounds, by value in (low, high] otherwise.
  const keep = (bound: StatisticBound | undefined, rank: number, value: number, isUpper: boolean): boolean => {
    if (bound === undefined) return true;
    if ('percent' in bound) return isUpper ? rank <= (bound.percent / 100) * total : rank > (bound.percent / 100) * total;
    return isUpper ? value <= bound.value : value > bound.value;
  };
  const kept = sorted.filter((value, index) => keep(statistic.lower, index + 1, value, false) && keep(statistic.upper, index + 1, value, true));
  const sum = kept.reduce((acc, value) => acc + value, 0);
  switch (statistic.kind) {
    case 'percentRank':
      return (kept.length / total) * 100;
    case 'trimmedCount':
      return kept.length;
    case 'trimmedSum':
      return sum;
    case 'trimmedMean':
      return kept.length > 0 ? sum / kept.length : undefined;
    case 'winsorizedMean': {
      const low = statistic.lower === undefined ? -Infinity : boundValue(statistic.lower, at, total);
      const high = statistic.upper === undefined ? Infinity : boundValue(statistic.upper, at, total);
      return sorted.reduce((acc, value) => acc + Math.min(high, Math.max(low, value)), 0) / total;
    }
  }
}

function boundValue(bound: StatisticBound, at: (rank: number) => number, total: number): number {
  return 'percent' in bound ? at((bound.percent / 100) * total) : bound.value;
}
