import type { Operation } from '../../../kernel/index.js';
import type { UntagResourceInput, UntagResourceOutput } from '../../../models/cloudwatch/index.js';
import { parseCloudWatchInput } from '../cloudwatch-input.js';
import { scopeOf, type CloudWatchServiceDeps } from '../cloudwatch-deps.js';
import { resourceNotFoundException } from '../errors.js';
import { parseResourceArn } from '../resource-arn.js';
import { checkTagKeys } from '../tag-rules.js';

/** UntagResource: removes the named keys; keys the resource does not carry are ignored. */
export function untagResource(deps: CloudWatchServiceDeps): Operation {
  return async (raw, ctx): Promise<UntagResourceOutput> => {
    const input = parseCloudWatchInput<UntagResourceInput>('UntagResource', raw);
    const scope = scopeOf(ctx);
    const resource = parseResourceArn(input.ResourceARN, scope);
    checkTagKeys(input.TagKeys, 'TagKeys');
    const outcome = resource.inCallerScope ? await deps.tags.untag(scope, input.ResourceARN, input.TagKeys) : 'no-resource';
    if (outcome === 'no-resource') throw resourceNotFoundException(resource.type, resource.name);
    return {};
  };
}
