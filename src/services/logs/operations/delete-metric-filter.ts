import type { Operation } from '../../../kernel/index.js';
import type { DeleteMetricFilterRequest } from '../../../models/logs/index.js';
import { logGroupNotFound, metricFilterNotFound } from '../errors.js';
import { scopeOf } from '../log-group-ref.js';
import type { LogsServiceDeps } from '../logs-deps.js';
import { parseLogsInput } from '../logs-input.js';

export function deleteMetricFilter({ store }: LogsServiceDeps): Operation<unknown, Record<string, never>> {
  return async (raw, ctx) => {
    const input = parseLogsInput<DeleteMetricFilterRequest>('DeleteMetricFilter', raw);
    const outcome = await store.deleteMetricFilter(scopeOf(ctx), input.logGroupName, input.filterName);
    if (outcome === 'no-group') throw logGroupNotFound();
    if (outcome === 'no-filter') throw metricFilterNotFound();
    return {};
  };
}
