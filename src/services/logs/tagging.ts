import { parseArn } from '../../kernel/index.js';
import type { LogGroupRecord, LogStore, Scope } from '../../storage/index.js';
import { invalidParameter, logGroupNotFound, resourceArnNotFound } from './errors.js';

export const MAX_TAGS = 50;

/**
 * The log group named by a tagging ARN (`arn:aws:logs:<region>:<account>:log-group:<name>`, without `:*`).
 * Destinations are the other taggable Logs resource; ModelWatch has none, so their ARNs are never found.
 */
export async function taggedLogGroup(store: LogStore, scope: Scope, resourceArn: string): Promise<LogGroupRecord> {
  const arn = parseArn(resourceArn);
  if (arn === undefined || arn.service !== 'logs') throw invalidParameter(`Invalid resource ARN: ${resourceArn}`);
  const match = /^log-group:([^:]+)$/.exec(arn.resource);
  if (match?.[1] === undefined) {
    if (/^destination:[^:]+$/.test(arn.resource)) throw resourceArnNotFound();
    throw invalidParameter(`Invalid resource ARN: ${resourceArn}`);
  }
  if (arn.accountId !== scope.accountId || arn.region !== scope.region) throw logGroupNotFound();
  const group = await store.getLogGroup(scope, match[1]);
  if (group === undefined) throw logGroupNotFound();
  return group;
}

/** How many tags the group would carry after adding `tags`. */
export function tagCountAfter(group: LogGroupRecord, tags: Readonly<Record<string, string>>): number {
  return new Set([...Object.keys(group.tags), ...Object.keys(tags)]).size;
}
