import type { Operation } from '../../../kernel/index.js';
import type { TagLogGroupRequest } from '../../../models/logs/index.js';
import { invalidParameter, logGroupNotFound } from '../errors.js';
import { requireLogGroup, scopeOf } from '../log-group-ref.js';
import type { LogsServiceDeps } from '../logs-deps.js';
import { parseLogsInput } from '../logs-input.js';
import { MAX_TAGS, tagCountAfter } from '../tagging.js';

/** TagLogGroup (deprecated twin of TagResource): its model has no TooManyTagsException, so the limit is a parameter error. */
export function tagLogGroup({ store }: LogsServiceDeps): Operation<unknown, Record<string, never>> {
  return async (raw, ctx) => {
    const input = parseLogsInput<TagLogGroupRequest>('TagLogGroup', raw);
    const scope = scopeOf(ctx);
    const group = await requireLogGroup(store, scope, input.logGroupName);
    if (tagCountAfter(group, input.tags) > MAX_TAGS) throw invalidParameter('A resource can have no more than 50 tags.');
    if ((await store.tagLogGroup(scope, input.logGroupName, input.tags)) === 'no-group') throw logGroupNotFound();
    return {};
  };
}
