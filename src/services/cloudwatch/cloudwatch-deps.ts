import type { MetricStore, Scope } from '../../storage/index.js';
import type { RequestContext } from '../../kernel/index.js';

/** What the CloudWatch metrics service needs from the outside world; time and the caller come with each request. */
export interface CloudWatchServiceDeps {
  readonly store: MetricStore;
}

/** Metrics live in the caller's account and region, as on AWS. */
export function scopeOf(ctx: RequestContext): Scope {
  return { accountId: ctx.caller.accountId, region: ctx.caller.region };
}
