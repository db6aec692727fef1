import type { Operation } from '../../../kernel/index.js';
import type { ListMetricsInput, ListMetricsOutput } from '../../../models/cloudwatch/index.js';
import { decodePageToken, encodePageToken } from '../../common/index.js';
import { parseCloudWatchInput } from '../cloudwatch-input.js';
import { scopeOf, type CloudWatchServiceDeps } from '../cloudwatch-deps.js';
import { invalidNextToken } from '../errors.js';
import { metricView } from '../metric-view.js';

const PAGE_SIZE = 500;
const TWO_WEEKS_MS = 14 * 24 * 3600_000;
const THREE_HOURS_MS = 3 * 3600_000;

/**
 * ListMetrics: metrics with data in the past two weeks (three hours with RecentlyActive=PT3H), 500 per page.
 * The token remembers the filters it was made for, so it cannot be replayed against another listing.
 */
export function listMetrics(deps: CloudWatchServiceDeps): Operation {
  return async (raw, ctx): Promise<ListMetricsOutput> => {
    const input = parseCloudWatchInput<ListMetricsInput>('ListMetrics', raw);
    const now = ctx.clock.now();
    const filters = JSON.stringify([input.Namespace, input.MetricName, input.Dimensions, input.RecentlyActive, input.OwningAccount]);
    let after: string | undefined;
    if (input.NextToken !== undefined) {
      const state = decodePageToken('ListMetrics', input.NextToken);
      if (state === undefined || state['filters'] !== filters || typeof state['after'] !== 'string') throw invalidNextToken();
      after = state['after'];
    }
    // Only the caller's own account is served here; a request for another owning account lists nothing.
    if (input.OwningAccount !== undefined && input.OwningAccount !== ctx.caller.accountId) return { Metrics: [] };
    const page = await deps.store.listMetrics(scopeOf(ctx), {
      ...(input.Namespace === undefined ? {} : { namespace: input.Namespace }),
      ...(input.MetricName === undefined ? {} : { metricName: input.MetricName }),
      ...(input.Dimensions === undefined ? {} : { dimensions: input.Dimensions.map((d) => ({ name: d.Name, ...(d.Value === undefined ? {} : { value: d.Value }) })) }),
      activeSince: now - (input.RecentlyActive === 'PT3H' ? THREE_HOURS_MS : TWO_WEEKS_MS),
      ...(after === undefined ? {} : { after }),
      limit: PAGE_SIZE,
    });
    const metrics = page.metrics.map(metricView);
    return {
      Metrics: metrics,
      ...(page.nextCursor === undefined ? {} : { NextToken: encodePageToken('ListMetrics', { filters, after: page.nextCursor }) }),
      ...(input.IncludeLinkedAccounts === true ? { OwningAccounts: metrics.map(() => ctx.caller.accountId) } : {}),
    };
  };
}
