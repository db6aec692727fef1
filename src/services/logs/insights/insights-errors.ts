import { ServiceError } from '../../../kernel/index.js';
import type { Span } from '../../../query/index.js';

/*
 * Logs Insights errors. MalformedQueryException carries queryCompileError {location, message} as the model says;
 * the other texts follow AWS's style and are unconfirmed unless marked.
 */

export function malformedQuery(message: string, span: Span): ServiceError {
  return new ServiceError('MalformedQueryException', message, {
    members: { queryCompileError: { location: { startCharOffset: span.start, endCharOffset: span.end }, message } },
  });
}

export function queryGroupNotFound(logGroupName: string, accountId: string): ServiceError {
  return new ServiceError('ResourceNotFoundException', `Log group '${logGroupName}' does not exist for account ID '${accountId}'`);
}

export const queryNotFound = (): ServiceError => new ServiceError('ResourceNotFoundException', 'The specified query does not exist.');

export const queryConcurrencyReached = (limit: number): ServiceError =>
  new ServiceError('LimitExceededException', `Account maximum query concurrency limit of [${limit}] reached.`);
