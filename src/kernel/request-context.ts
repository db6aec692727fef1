import type { Clock } from './clock.js';

/** Who is calling and where: resources are isolated per account and region, as on AWS. */
export interface Caller {
  readonly accountId: string;
  readonly region: string;
  readonly accessKeyId: string;
  /** The caller's ARN, as STS GetCallerIdentity reports it. */
  readonly arn: string;
  readonly userId: string;
}

/** Everything an operation may know about its request, and nothing about HTTP. */
export interface RequestContext {
  readonly caller: Caller;
  readonly requestId: string;
  readonly clock: Clock;
  /** Aborted when the client goes away before the answer is complete (a streaming operation stops its backend). */
  readonly signal?: AbortSignal;
}
