import type { Operation } from '../../../kernel/index.js';
import type { TagResourceRequest } from '../../../models/logs/index.js';
import { logGroupNotFound, tooManyTags } from '../errors.js';
import { scopeOf } from '../log-group-ref.js';
import type { LogsServiceDeps } from '../logs-deps.js';
import { parseLogsInput } from '../logs-input.js';
import { MAX_TAGS, tagCountAfter, taggedLogGroup } from '../tagging.js';

/** TagResource: adds or overwrites tags; a resource carries at most 50. */
export function tagResource({ store }: LogsServiceDeps): Operation<unknown, Record<string, never>> {
  return async (raw, ctx) => {
    const input = parseLogsInput<TagResourceRequest>('TagResource', raw);
    const scope = scopeOf(ctx);
    const group = await taggedLogGroup(store, scope, input.resourceArn);
    if (tagCountAfter(group, input.tags) > MAX_TAGS) throw tooManyTags(input.resourceArn);
    if ((await store.tagLogGroup(scope, group.logGroupName, input.tags)) === 'no-group') throw logGroupNotFound();
    return {};
  };
}
