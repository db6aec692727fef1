import type { Statistic } from '../../models/cloudwatch/index.js';
import { evaluateExtendedStatistic, type ExtendedStatistic, type MetricPeriodAggregate } from '../../storage/index.js';
import { parseExtendedStatistic } from './extended-statistic.js';
import { basicStatistic } from './statistics-datapoint.js';

/** A MetricStat `Stat`: one of the five basic statistics or an extended one (spec 9.6). */
export type StatSpec =
  | { readonly kind: 'basic'; readonly statistic: Statistic }
  | { readonly kind: 'extended'; readonly statistic: ExtendedStatistic };

const BASIC: ReadonlySet<string> = new Set<Statistic>(['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum']);

export function parseStat(stat: string): StatSpec | undefined {
  if (BASIC.has(stat)) return { kind: 'basic', statistic: stat as Statistic };
  const extended = parseExtendedStatistic(stat);
  return extended === undefined ? undefined : { kind: 'extended', statistic: extended };
}

/** The statistic's value on one period; undefined when AWS reports no value for it. */
export function statValue(period: MetricPeriodAggregate, stat: StatSpec): number | undefined {
  if (stat.kind === 'basic') return basicStatistic(period, stat.statistic);
  const distribution = period.distribution;
  return distribution === undefined ? undefined : evaluateExtendedStatistic({ ...period, distribution }, stat.statistic);
}
