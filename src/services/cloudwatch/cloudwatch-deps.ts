import type { MetricStore, Scope } from '../../storage/index.js';
import type { RequestContext } from '../../kernel/index.js';
import type { TaggedResources } from './tagged-resources.js';

/** What the CloudWatch metrics service needs from the outside world; time and the caller come with each request. */
export interface CloudWatchServiceDeps {
  readonly store: MetricStore;
  /** Which taggable resources exist and their tags; alarms and dashboards register theirs. */
  readonly tags: TaggedResources;
}

/** What the server passes in: without a tag store, tags are kept in memory (nothing taggable is stored yet). */
export interface CloudWatchServiceOptions {
  readonly store: MetricStore;
  readonly tags?: TaggedResources;
}

/** Metrics live in the caller's account and region, as on AWS. */
export function scopeOf(ctx: RequestContext): Scope {
  return { accountId: ctx.caller.accountId, region: ctx.caller.region };
}
