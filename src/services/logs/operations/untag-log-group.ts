import type { Operation } from '../../../kernel/index.js';
import type { UntagLogGroupRequest } from '../../../models/logs/index.js';
import { logGroupNotFound } from '../errors.js';
import { scopeOf } from '../log-group-ref.js';
import type { LogsServiceDeps } from '../logs-deps.js';
import { parseLogsInput } from '../logs-input.js';

/** UntagLogGroup (deprecated twin of UntagResource): `tags` is the list of keys to remove. */
export function untagLogGroup({ store }: LogsServiceDeps): Operation<unknown, Record<string, never>> {
  return async (raw, ctx) => {
    const input = parseLogsInput<UntagLogGroupRequest>('UntagLogGroup', raw);
    if ((await store.untagLogGroup(scopeOf(ctx), input.logGroupName, input.tags)) === 'no-group') throw logGroupNotFound();
    return {};
  };
}
