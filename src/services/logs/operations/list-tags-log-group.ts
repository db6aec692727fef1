import type { Operation } from '../../../kernel/index.js';
import type { ListTagsLogGroupRequest, ListTagsLogGroupResponse } from '../../../models/logs/index.js';
import { requireLogGroup, scopeOf } from '../log-group-ref.js';
import type { LogsServiceDeps } from '../logs-deps.js';
import { parseLogsInput } from '../logs-input.js';

export function listTagsLogGroup({ store }: LogsServiceDeps): Operation<unknown, ListTagsLogGroupResponse> {
  return async (raw, ctx) => {
    const input = parseLogsInput<ListTagsLogGroupRequest>('ListTagsLogGroup', raw);
    const group = await requireLogGroup(store, scopeOf(ctx), input.logGroupName);
    return { tags: group.tags };
  };
}
