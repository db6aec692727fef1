import type { Operation } from '../../../kernel/index.js';
import type { DeleteLogGroupRequest } from '../../../models/logs/index.js';
import { deletionProtected, logGroupNotFound } from '../errors.js';
import { requireLogGroup, scopeOf } from '../log-group-ref.js';
import type { LogsServiceDeps } from '../logs-deps.js';
import { parseLogsInput } from '../logs-input.js';

/** DeleteLogGroup: removes the group with its streams, events and metric filters, unless deletion protection is on. */
export function deleteLogGroup({ store }: LogsServiceDeps): Operation<unknown, Record<string, never>> {
  return async (raw, ctx) => {
    const input = parseLogsInput<DeleteLogGroupRequest>('DeleteLogGroup', raw);
    const scope = scopeOf(ctx);
    const group = await requireLogGroup(store, scope, input.logGroupName);
    if (group.deletionProtectionEnabled) throw deletionProtected();
    if ((await store.deleteLogGroup(scope, input.logGroupName)) === 'no-group') throw logGroupNotFound();
    return {};
  };
}
