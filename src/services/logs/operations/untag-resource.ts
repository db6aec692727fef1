import type { Operation } from '../../../kernel/index.js';
import type { UntagResourceRequest } from '../../../models/logs/index.js';
import { logGroupNotFound } from '../errors.js';
import { scopeOf } from '../log-group-ref.js';
import type { LogsServiceDeps } from '../logs-deps.js';
import { parseLogsInput } from '../logs-input.js';
import { taggedLogGroup } from '../tagging.js';

export function untagResource({ store }: LogsServiceDeps): Operation<unknown, Record<string, never>> {
  return async (raw, ctx) => {
    const input = parseLogsInput<UntagResourceRequest>('UntagResource', raw);
    const scope = scopeOf(ctx);
    const group = await taggedLogGroup(store, scope, input.resourceArn);
    if ((await store.untagLogGroup(scope, group.logGroupName, input.tagKeys)) === 'no-group') throw logGroupNotFound();
    return {};
  };
}
