import type { Operation } from '../../../kernel/index.js';
import type { StopQueryRequest, StopQueryResponse } from '../../../models/logs/index.js';
import { invalidParameter } from '../errors.js';
import type { InsightsDeps } from '../insights/insights-deps.js';
import { queryNotFound } from '../insights/insights-errors.js';
import { scopeOf } from '../log-group-ref.js';
import { parseLogsInput } from '../logs-input.js';

/** StopQuery: a running query becomes Cancelled (its late results are discarded); an ended one cannot be stopped. */
export function stopQuery({ registry }: InsightsDeps): Operation<unknown, StopQueryResponse> {
  return async (raw, ctx) => {
    const input = parseLogsInput<StopQueryRequest>('StopQuery', raw);
    const entry = registry.get(scopeOf(ctx), input.queryId, ctx.clock.now());
    if (entry === undefined) throw queryNotFound();
    if (entry.status !== 'Running' && entry.status !== 'Scheduled') {
      throw invalidParameter(`Query ${entry.queryId} is not running: its status is ${entry.status}.`);
    }
    entry.status = 'Cancelled';
    entry.finishedAt = ctx.clock.now();
    return { success: true };
  };
}
