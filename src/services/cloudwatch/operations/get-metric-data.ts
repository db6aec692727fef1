import type { Operation } from '../../../kernel/index.js';
import type { GetMetricDataInput, GetMetricDataOutput } from '../../../models/cloudwatch/index.js';
import { evaluateExpression, evaluationOrder, isMetricMathError, type MathMessage, type TimeSeries } from '../../../metric-math/index.js';
import { KeptResults, type KeptResultsLimits } from '../../common/index.js';
import { parseCloudWatchInput } from '../cloudwatch-input.js';
import { scopeOf, type CloudWatchServiceDeps } from '../cloudwatch-deps.js';
import { expressionError, validationError } from '../errors.js';
import { createMathDataSource } from '../math-data-source.js';
import { planQueries, type PlannedQuery } from '../metric-data-queries.js';
import { keptOutputsId, pageResults, type QueryOutput } from '../metric-data-page.js';
import { queryRange } from '../query-range.js';
import { prefetchStats } from '../stat-prefetch.js';

/**
 * Datapoints of computed results kept for the pages after the first (about 16 bytes each in arrays): a query of
 * many series returns 100,800 points a page, and computing them again for every page doubled a two-page call.
 */
const KEPT_OUTPUT_LIMITS: KeptResultsLimits = { maxWeight: 4_000_000, ttlMs: 5 * 60_000 };

function pointsOf(outputs: readonly QueryOutput[]): number {
  return outputs.reduce((sum, output) => sum + output.series.timestamps.length, 0);
}

/**
 * GetMetricData: MetricStat queries read the store, expressions (metric math, SEARCH) are evaluated in dependency
 * order on those results; queries with ReturnData=false are computed but not returned. Results come newest first
 * unless ScanBy=TimestampAscending, and page by MaxDatapoints across all results. The results a first page
 * computed are kept for the pages after it, so those show the data as it was then.
 */
export function getMetricData(deps: CloudWatchServiceDeps, keptOutputs = new KeptResults<readonly QueryOutput[]>(KEPT_OUTPUT_LIMITS, pointsOf)): Operation {
  return async (raw, ctx): Promise<GetMetricDataOutput> => {
    const input = parseCloudWatchInput<GetMetricDataInput>('GetMetricData', raw);
    // observed
    if (input.StartTime === input.EndTime) throw validationError('The parameter StartTime must not equal parameter EndTime.');
    if (input.StartTime > input.EndTime) throw validationError('The parameter StartTime must be less than the parameter EndTime.');
    if (input.MaxDatapoints !== undefined && input.MaxDatapoints < 1) {
      throw validationError('The parameter MaxDatapoints must be greater than 0.');
    }
    const plans = planQueries(input.MetricDataQueries);
    const order = orderOf(plans);
    const scope = scopeOf(ctx);
    const now = ctx.clock.now();
    const request = JSON.stringify([input.MetricDataQueries, input.StartTime, input.EndTime, input.ScanBy ?? '']);
    const keptKey = JSON.stringify([scope.accountId, scope.region, request]);
    const keptId = keptOutputsId(request, input.NextToken);
    const outputs = (keptId === undefined ? undefined : keptOutputs.take(keptId, keptKey, now)) ?? (await computeOutputs());
    return pageResults(outputs, {
      ascending: input.ScanBy === 'TimestampAscending',
      maxDatapoints: input.MaxDatapoints ?? 100_800,
      request,
      ...(input.NextToken === undefined ? {} : { nextToken: input.NextToken }),
      keep: (all) => keptOutputs.put(keptKey, all, now),
    });

    async function computeOutputs(): Promise<QueryOutput[]> {
      const byId = new Map(plans.map((plan) => [plan.id, plan]));
      const metricIds = plans.filter((plan) => plan.kind === 'stat').map((plan) => plan.id);
      const results = new Map<string, TimeSeries | readonly TimeSeries[]>();
      const messages = new Map<string, readonly MathMessage[]>();
      const rangeOf = (plan: PlannedQuery) => queryRange({ startSeconds: input.StartTime, endSeconds: input.EndTime, period: plan.periodSeconds, now });
      const stats = await prefetchStats(deps.store, scope, plans.flatMap((plan) => {
        const window = rangeOf(plan);
        return plan.kind === 'stat' && window.servable ? [{ plan, window }] : [];
      }));
      for (const id of order) {
        const plan = byId.get(id);
        if (plan === undefined) continue;
        const range = rangeOf(plan);
        if (plan.kind === 'stat') {
          const series = stats.get(id) ?? { timestamps: [], values: [] };
          results.set(id, { ...series, label: plan.label ?? plan.metric.metricName, periodSeconds: plan.periodSeconds });
          continue;
        }
        const source = createMathDataSource({ store: deps.store, scope, now, metricIds, results, start: range.start, end: range.end });
        try {
          const out = await evaluateExpression(plan.parsed, { periodSeconds: plan.periodSeconds, startTime: range.start, endTime: range.end, source });
          results.set(id, out.value.series);
          messages.set(id, out.messages);
        } catch (error) {
          if (isMetricMathError(error)) throw expressionError(id, error);
          throw error;
        }
      }
      return plans.filter((plan) => plan.returnData).flatMap((plan) => toOutputs(plan, results.get(plan.id), messages.get(plan.id) ?? []));
    }
  };
}

function orderOf(plans: readonly PlannedQuery[]): readonly string[] {
  try {
    return evaluationOrder(plans.map((plan) => ({ id: plan.id, dependsOn: plan.kind === 'expression' ? plan.dependsOn : [] })));
  } catch (error) {
    if (isMetricMathError(error)) throw validationError(error.message);
    throw error;
  }
}

/** A single series is one result; an array (SEARCH) is one result per series, all with the query's Id. */
function toOutputs(plan: PlannedQuery, value: TimeSeries | readonly TimeSeries[] | undefined, messages: readonly MathMessage[]): QueryOutput[] {
  if (value === undefined) return [];
  if (isSeriesArray(value)) {
    return value.map((series) => ({ id: plan.id, label: plan.label === undefined ? series.label : `${plan.label} ${series.label}`.trim(), series, messages }));
  }
  const label = plan.label ?? (plan.kind === 'stat' ? value.label : plan.id);
  return [{ id: plan.id, label, series: value, messages }];
}

function isSeriesArray(value: TimeSeries | readonly TimeSeries[]): value is readonly TimeSeries[] {
  return Array.isArray(value);
}
