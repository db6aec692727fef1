import type { Operation } from '../../../kernel/index.js';
import type { ListTagsForResourceRequest, ListTagsForResourceResponse } from '../../../models/logs/index.js';
import { scopeOf } from '../log-group-ref.js';
import type { LogsServiceDeps } from '../logs-deps.js';
import { parseLogsInput } from '../logs-input.js';
import { taggedLogGroup } from '../tagging.js';

export function listTagsForResource({ store }: LogsServiceDeps): Operation<unknown, ListTagsForResourceResponse> {
  return async (raw, ctx) => {
    const input = parseLogsInput<ListTagsForResourceRequest>('ListTagsForResource', raw);
    const group = await taggedLogGroup(store, scopeOf(ctx), input.resourceArn);
    return { tags: group.tags };
  };
}
