import type { Operation } from '../../../kernel/index.js';
import type { ListTagsForResourceInput, ListTagsForResourceOutput } from '../../../models/cloudwatch/index.js';
import { parseCloudWatchInput } from '../cloudwatch-input.js';
import { scopeOf, type CloudWatchServiceDeps } from '../cloudwatch-deps.js';
import { resourceNotFoundException } from '../errors.js';
import { parseResourceArn } from '../resource-arn.js';

/** ListTagsForResource: the resource's tags, sorted by key so every wire answers in the same order. */
export function listTagsForResource(deps: CloudWatchServiceDeps): Operation {
  return async (raw, ctx): Promise<ListTagsForResourceOutput> => {
    const input = parseCloudWatchInput<ListTagsForResourceInput>('ListTagsForResource', raw);
    const scope = scopeOf(ctx);
    const resource = parseResourceArn(input.ResourceARN, scope);
    const tags = resource.inCallerScope ? await deps.tags.tags(scope, input.ResourceARN) : undefined;
    if (tags === undefined) throw resourceNotFoundException(resource.type, resource.name);
    return { Tags: Object.keys(tags).sort().map((Key) => ({ Key, Value: tags[Key]! })) };
  };
}
