import type { Operation } from '../../../kernel/index.js';
import type { DeleteLogStreamRequest } from '../../../models/logs/index.js';
import { logGroupNotFound, logStreamNotFound, streamDeletionProtected } from '../errors.js';
import { requireLogGroup, scopeOf } from '../log-group-ref.js';
import type { LogsServiceDeps } from '../logs-deps.js';
import { parseLogsInput } from '../logs-input.js';

/** DeleteLogStream: deletion protection on the group "blocks all deletion operations", streams included. */
export function deleteLogStream({ store }: LogsServiceDeps): Operation<unknown, Record<string, never>> {
  return async (raw, ctx) => {
    const input = parseLogsInput<DeleteLogStreamRequest>('DeleteLogStream', raw);
    const scope = scopeOf(ctx);
    const group = await requireLogGroup(store, scope, input.logGroupName);
    if (group.deletionProtectionEnabled) throw streamDeletionProtected();
    const outcome = await store.deleteLogStream(scope, input.logGroupName, input.logStreamName);
    if (outcome === 'no-group') throw logGroupNotFound();
    if (outcome === 'no-stream') throw logStreamNotFound();
    return {};
  };
}
