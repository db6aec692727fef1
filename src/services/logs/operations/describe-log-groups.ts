import type { Operation } from '../../../kernel/index.js';
import type { DescribeLogGroupsRequest, DescribeLogGroupsResponse } from '../../../models/logs/index.js';
import { decodePageToken, encodePageToken } from '../../common/index.js';
import { invalidNextToken, invalidParameter } from '../errors.js';
import { groupNameFromIdentifier, scopeOf } from '../log-group-ref.js';
import { toLogGroup, toPatternLogGroup } from '../log-group-view.js';
import type { LogsServiceDeps } from '../logs-deps.js';
import { parseLogsInput } from '../logs-input.js';

const TOKEN_KIND = 'DescribeLogGroups';
const DEFAULT_LIMIT = 50;

/**
 * DescribeLogGroups: ASCII-sorted by name; `logGroupNamePrefix` XOR `logGroupNamePattern` (a case-sensitive
 * substring, answered with a reduced view); `logGroupIdentifiers` combines with nothing but `includeLinkedAccounts`.
 * ModelWatch has no linked accounts, so `accountIdentifiers` and `includeLinkedAccounts` select nothing more.
 */
export function describeLogGroups({ store }: LogsServiceDeps): Operation<unknown, DescribeLogGroupsResponse> {
  return async (raw, ctx) => {
    const input = parseLogsInput<DescribeLogGroupsRequest>('DescribeLogGroups', raw);
    if (input.logGroupNamePrefix !== undefined && input.logGroupNamePattern !== undefined) {
      throw invalidParameter('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
    }
    if (input.logGroupIdentifiers !== undefined && (input.logGroupNamePrefix !== undefined || input.logGroupNamePattern !== undefined || input.logGroupClass !== undefined)) {
      throw invalidParameter('logGroupIdentifiers can only be combined with includeLinkedAccounts.');
    }
    const scope = scopeOf(ctx);
    const afterName = readToken(input.nextToken);
    const limit = input.limit ?? DEFAULT_LIMIT;
    const names = input.logGroupIdentifiers?.flatMap((id) => groupNameFromIdentifier(id, scope) ?? []);
    const found = await store.listLogGroups(scope, {
      ...(input.logGroupNamePrefix === undefined ? {} : { namePrefix: input.logGroupNamePrefix }),
      ...(input.logGroupNamePattern ? { namePattern: input.logGroupNamePattern } : {}),
      ...(input.logGroupClass === undefined ? {} : { logGroupClass: input.logGroupClass }),
      ...(names === undefined ? {} : { names }),
      ...(afterName === undefined ? {} : { afterName }),
      limit: limit + 1,
    });
    const page = found.slice(0, limit);
    const view = input.logGroupNamePattern === undefined ? toLogGroup : toPatternLogGroup;
    const last = page[page.length - 1];
    return {
      logGroups: page.map((record) => view(record, scope)),
      ...(found.length > limit && last !== undefined ? { nextToken: encodePageToken(TOKEN_KIND, { after: last.logGroupName }) } : {}),
    };
  };
}

function readToken(token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  const state = decodePageToken(TOKEN_KIND, token);
  if (state === undefined || typeof state.after !== 'string') throw invalidNextToken();
  return state.after;
}
