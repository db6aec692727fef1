import type { Operation } from '../../../kernel/index.js';
import type { DeleteRetentionPolicyRequest } from '../../../models/logs/index.js';
import { logGroupNotFound } from '../errors.js';
import { scopeOf } from '../log-group-ref.js';
import type { LogsServiceDeps } from '../logs-deps.js';
import { parseLogsInput } from '../logs-input.js';

/** DeleteRetentionPolicy: the group's events never expire again. */
export function deleteRetentionPolicy({ store }: LogsServiceDeps): Operation<unknown, Record<string, never>> {
  return async (raw, ctx) => {
    const input = parseLogsInput<DeleteRetentionPolicyRequest>('DeleteRetentionPolicy', raw);
    const outcome = await store.updateLogGroup(scopeOf(ctx), input.logGroupName, { retentionInDays: null });
    if (outcome === 'no-group') throw logGroupNotFound();
    return {};
  };
}
