import type { Operation } from '../../../kernel/index.js';
import type { TagResourceInput, TagResourceOutput } from '../../../models/cloudwatch/index.js';
import { parseCloudWatchInput } from '../cloudwatch-input.js';
import { scopeOf, type CloudWatchServiceDeps } from '../cloudwatch-deps.js';
import { resourceNotFoundException } from '../errors.js';
import { parseResourceArn } from '../resource-arn.js';
import { MAX_TAGS, tagMap, tooManyTags } from '../tag-rules.js';

/** TagResource: adds tags to an alarm, dashboard, metric stream or Contributor Insights rule, or overwrites them. */
export function tagResource(deps: CloudWatchServiceDeps): Operation {
  return async (raw, ctx): Promise<TagResourceOutput> => {
    const input = parseCloudWatchInput<TagResourceInput>('TagResource', raw);
    const scope = scopeOf(ctx);
    const resource = parseResourceArn(input.ResourceARN, scope);
    const tags = tagMap(input.Tags);
    const current = resource.inCallerScope ? await deps.tags.tags(scope, input.ResourceARN) : undefined;
    if (current === undefined) throw resourceNotFoundException(resource.type, resource.name);
    if (new Set([...Object.keys(current), ...Object.keys(tags)]).size > MAX_TAGS) throw tooManyTags();
    if ((await deps.tags.tag(scope, input.ResourceARN, tags)) === 'no-resource') throw resourceNotFoundException(resource.type, resource.name);
    return {};
  };
}
