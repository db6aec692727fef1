import type { Operation } from '../../../kernel/index.js';
import type { DescribeQueriesRequest, DescribeQueriesResponse, QueryInfo } from '../../../models/logs/index.js';
import { decodePageToken, encodePageToken } from '../../common/index.js';
import { invalidNextToken } from '../errors.js';
import type { InsightsDeps } from '../insights/insights-deps.js';
import type { QueryEntry } from '../insights/query-registry.js';
import { scopeOf } from '../log-group-ref.js';
import { parseLogsInput } from '../logs-input.js';

const TOKEN_KIND = 'DescribeQueries';
const DEFAULT_MAX_RESULTS = 1000;

/** DescribeQueries: this account's recent queries, newest first, filtered by log group, status and language. */
export function describeQueries({ registry }: InsightsDeps): Operation<unknown, DescribeQueriesResponse> {
  return async (raw, ctx) => {
    const input = parseLogsInput<DescribeQueriesRequest>('DescribeQueries', raw);
    const now = ctx.clock.now();
    const matching = registry
      .list(scopeOf(ctx), now)
      .filter((q) => input.logGroupName === undefined || q.logGroupNames.includes(input.logGroupName))
      .filter((q) => input.status === undefined || q.status === input.status)
      .filter((q) => input.queryLanguage === undefined || q.queryLanguage === input.queryLanguage);
    let offset = 0;
    if (input.nextToken !== undefined) {
      const state = decodePageToken(TOKEN_KIND, input.nextToken);
      if (typeof state?.o !== 'number') throw invalidNextToken();
      offset = state.o;
    }
    const size = input.maxResults ?? DEFAULT_MAX_RESULTS;
    const page = matching.slice(offset, offset + size);
    const next = offset + page.length;
    return {
      queries: page.map((q) => queryInfo(q, now)),
      ...(next < matching.length ? { nextToken: encodePageToken(TOKEN_KIND, { o: next }) } : {}),
    };
  };
}

function queryInfo(entry: QueryEntry, now: number): QueryInfo {
  const end = entry.finishedAt ?? now;
  return {
    queryLanguage: entry.queryLanguage,
    queryId: entry.queryId,
    queryString: entry.queryString,
    status: entry.status,
    createTime: entry.createTime,
    ...(entry.logGroupNames[0] === undefined ? {} : { logGroupName: entry.logGroupNames[0] }),
    queryDuration: end - entry.createTime,
    bytesScanned: entry.statistics.bytesScanned,
    userIdentity: entry.userIdentity,
  };
}
