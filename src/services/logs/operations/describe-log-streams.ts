import { logStreamArn, type Operation } from '../../../kernel/index.js';
import type { DescribeLogStreamsRequest, DescribeLogStreamsResponse, LogStream } from '../../../models/logs/index.js';
import type { LogStreamCursor, LogStreamRecord, Scope } from '../../../storage/index.js';
import { decodePageToken, encodePageToken } from '../../common/index.js';
import { invalidNextToken, invalidParameter, logGroupNotFound } from '../errors.js';
import { resolveGroupName, scopeOf } from '../log-group-ref.js';
import type { LogsServiceDeps } from '../logs-deps.js';
import { parseLogsInput } from '../logs-input.js';

const TOKEN_KIND = 'DescribeLogStreams';
const DEFAULT_LIMIT = 50;

/** DescribeLogStreams: by name (default) or by last event time, optionally descending; never both prefix and time. */
export function describeLogStreams({ store }: LogsServiceDeps): Operation<unknown, DescribeLogStreamsResponse> {
  return async (raw, ctx) => {
    const input = parseLogsInput<DescribeLogStreamsRequest>('DescribeLogStreams', raw);
    const scope = scopeOf(ctx);
    const logGroupName = resolveGroupName(input, scope);
    const orderBy = input.orderBy ?? 'LogStreamName';
    const descending = input.descending ?? false;
    if (orderBy === 'LastEventTime' && input.logStreamNamePrefix !== undefined) {
      throw invalidParameter('Cannot order by LastEventTime with a logStreamNamePrefix.');
    }
    const order = `${orderBy}/${descending ? 'desc' : 'asc'}`;
    const after = input.nextToken === undefined ? undefined : readToken(input.nextToken, logGroupName, order);
    const limit = input.limit ?? DEFAULT_LIMIT;
    const found = await store.listLogStreams(scope, logGroupName, {
      ...(input.logStreamNamePrefix === undefined ? {} : { namePrefix: input.logStreamNamePrefix }),
      orderBy,
      descending,
      ...(after === undefined ? {} : { after }),
      limit: limit + 1,
    });
    if (found === 'no-group') throw logGroupNotFound();
    const page = found.slice(0, limit);
    const last = page[page.length - 1];
    const nextToken = found.length > limit && last !== undefined
      ? encodePageToken(TOKEN_KIND, { g: logGroupName, o: order, n: last.logStreamName, t: last.lastEventTimestamp ?? 0 })
      : undefined;
    return { logStreams: page.map((s) => toLogStream(s, scope)), ...(nextToken === undefined ? {} : { nextToken }) };
  };
}

/** A token is only good for the listing that made it: same group and same ordering. */
function readToken(token: string, logGroupName: string, order: string): LogStreamCursor {
  const state = decodePageToken(TOKEN_KIND, token);
  if (state?.g !== logGroupName || state.o !== order || typeof state.n !== 'string' || typeof state.t !== 'number') throw invalidNextToken();
  // The port takes lastEventTimestamp only for LastEventTime order.
  return order.startsWith('LastEventTime') ? { logStreamName: state.n, lastEventTimestamp: state.t } : { logStreamName: state.n };
}

function toLogStream(s: LogStreamRecord, scope: Scope): LogStream {
  return {
    logStreamName: s.logStreamName,
    creationTime: s.creationTime,
    ...(s.firstEventTimestamp === undefined ? {} : { firstEventTimestamp: s.firstEventTimestamp }),
    ...(s.lastEventTimestamp === undefined ? {} : { lastEventTimestamp: s.lastEventTimestamp }),
    ...(s.lastIngestionTime === undefined ? {} : { lastIngestionTime: s.lastIngestionTime }),
    arn: logStreamArn(scope.region, scope.accountId, s.logGroupName, s.logStreamName),
    // AWS has reported 0 for streams since 2019; only log groups carry storedBytes.
    storedBytes: 0,
  };
}
