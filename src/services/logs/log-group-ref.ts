import { parseArn, type RequestContext } from '../../kernel/index.js';
import type { LogGroupRecord, LogGroupRetention, LogStore, Scope } from '../../storage/index.js';
import { groupNameAndArnExclusive, groupNameOrArnRequired, logGroupNotFound } from './errors.js';

/** Resources are isolated per account and region, as on AWS. */
export function scopeOf(ctx: RequestContext): Scope {
  return { accountId: ctx.caller.accountId, region: ctx.caller.region };
}

/**
 * The log group name behind a `logGroupIdentifier`: a name, or a log group ARN (without `:*`) in the caller's account
 * and region. `undefined` for any other ARN: ModelWatch has no cross-account observability, so it cannot exist here.
 */
export function groupNameFromIdentifier(identifier: string, scope: Scope): string | undefined {
  if (!identifier.startsWith('arn:')) return identifier;
  const arn = parseArn(identifier);
  if (arn === undefined || arn.service !== 'logs' || arn.accountId !== scope.accountId || arn.region !== scope.region) return undefined;
  const match = /^log-group:([^:]+)$/.exec(arn.resource);
  return match?.[1];
}

export interface GroupReference {
  readonly logGroupName?: string;
  readonly logGroupIdentifier?: string;
}

/** `logGroupName` XOR `logGroupIdentifier`, as GetLogEvents, FilterLogEvents and DescribeLogStreams take them. */
export function resolveGroupName(input: GroupReference, scope: Scope): string {
  if (input.logGroupName !== undefined && input.logGroupIdentifier !== undefined) throw groupNameAndArnExclusive();
  if (input.logGroupName !== undefined) return input.logGroupName;
  if (input.logGroupIdentifier === undefined) throw groupNameOrArnRequired();
  const name = groupNameFromIdentifier(input.logGroupIdentifier, scope);
  if (name === undefined) throw logGroupNotFound();
  return name;
}

export async function requireLogGroup(store: LogStore, scope: Scope, logGroupName: string): Promise<LogGroupRecord> {
  const group = await store.getLogGroup(scope, logGroupName);
  if (group === undefined) throw logGroupNotFound();
  return group;
}

/** For the calls that read or write a group's events: they need only its creation time and retention. */
export async function requireLogGroupRetention(store: LogStore, scope: Scope, logGroupName: string): Promise<LogGroupRetention> {
  const group = await store.getLogGroupRetention(scope, logGroupName);
  if (group === undefined) throw logGroupNotFound();
  return group;
}
