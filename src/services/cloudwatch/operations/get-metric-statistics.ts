import type { Operation } from '../../../kernel/index.js';
import type { GetMetricStatisticsInput, GetMetricStatisticsOutput, Statistic } from '../../../models/cloudwatch/index.js';
import type { ExtendedStatistic } from '../../../storage/index.js';
import { parseCloudWatchInput } from '../cloudwatch-input.js';
import { scopeOf, type CloudWatchServiceDeps } from '../cloudwatch-deps.js';
import { invalidParameterValue, missingParameter, mutuallyExclusive } from '../errors.js';
import { parseExtendedStatistic } from '../extended-statistic.js';
import { metricIdentity } from '../metric-identity.js';
import { toDatapoint } from '../statistics-datapoint.js';
import { checkDatapointLimit, checkPeriod, queryRange } from '../query-range.js';

/**
 * GetMetricStatistics: one metric (its exact dimension set), per period, per unit unless Unit picks one. AWS returns
 * the datapoints unordered; they come back here in time order, which is one of the orders AWS may use.
 */
export function getMetricStatistics(deps: CloudWatchServiceDeps): Operation {
  return async (raw, ctx): Promise<GetMetricStatisticsOutput> => {
    const input = parseCloudWatchInput<GetMetricStatisticsInput>('GetMetricStatistics', raw);
    const statistics: readonly Statistic[] = input.Statistics ?? [];
    const extendedNames = input.ExtendedStatistics ?? [];
    if (statistics.length > 0 && extendedNames.length > 0) throw mutuallyExclusive('Statistics', 'ExtendedStatistics');
    if (statistics.length === 0 && extendedNames.length === 0) {
      throw missingParameter('The parameter Statistics or ExtendedStatistics must be specified.');
    }
    const extended = extendedNames.map((name, i): readonly [string, ExtendedStatistic] => {
      const parsed = parseExtendedStatistic(name);
      if (parsed === undefined) {
        throw invalidParameterValue(`The value ${name} for parameter ExtendedStatistics.member.${i + 1} is not a valid extended statistic.`);
      }
      return [name, parsed];
    });
    checkPeriod(input.Period, 'Period');
    const metric = metricIdentity({ namespace: input.Namespace, metricName: input.MetricName, dimensions: input.Dimensions ?? [], path: '' });
    const range = queryRange({ startSeconds: input.StartTime, endSeconds: input.EndTime, period: input.Period, now: ctx.clock.now() });
    checkDatapointLimit(range);
    if (!range.servable) return { Label: input.MetricName, Datapoints: [] };
    const [periods = []] = await deps.store.aggregate(scopeOf(ctx), {
      metrics: [{ metric, ...(input.Unit === undefined ? {} : { unit: input.Unit }) }],
      start: range.start,
      end: range.end,
      periodSeconds: range.periodSeconds,
      withDistribution: extended.length > 0,
    });
    return { Label: input.MetricName, Datapoints: periods.map((period) => toDatapoint(period, statistics, extended)) };
  };
}
