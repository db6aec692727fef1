import type { Datapoint, StandardUnit, Statistic } from '../../models/cloudwatch/index.js';
import { evaluateExtendedStatistic, type ExtendedStatistic, type MetricPeriodAggregate } from '../../storage/index.js';

/** The value of a basic statistic on one period. */
export function basicStatistic(period: MetricPeriodAggregate, statistic: Statistic): number {
  switch (statistic) {
    case 'SampleCount': return period.sampleCount;
    case 'Sum': return period.sum;
    case 'Minimum': return period.minimum;
    case 'Maximum': return period.maximum;
    case 'Average': return period.sum / period.sampleCount;
  }
}

/**
 * One GetMetricStatistics datapoint: only the statistics asked for. An extended statistic without a value (no
 * distribution for statistic-set data, or no values inside its bounds) is left out, as AWS leaves it out.
 */
export function toDatapoint(
  period: MetricPeriodAggregate,
  statistics: readonly Statistic[],
  extended: readonly (readonly [string, ExtendedStatistic])[],
): Datapoint {
  const datapoint: { -readonly [K in keyof Datapoint]: Datapoint[K] } = { Timestamp: period.timestamp / 1000, Unit: period.unit as StandardUnit };
  for (const statistic of statistics) datapoint[statistic] = basicStatistic(period, statistic);
  if (extended.length > 0) {
    const values: Record<string, number> = {};
    const distribution = period.distribution;
    for (const [name, statistic] of extended) {
      const value = distribution === undefined ? undefined : evaluateExtendedStatistic({ ...period, distribution }, statistic);
      if (value !== undefined) values[name] = value;
    }
    datapoint.ExtendedStatistics = values;
  }
  return datapoint;
}
