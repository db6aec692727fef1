import type { TailRequest } from '../services/logs/index.js';
import { ServiceError } from '../kernel/index.js';

/**
 * The console stream's query parameters, named after StartLiveTail's members (singular, repeatable):
 * `logGroupIdentifier` (1..10), `logStreamName` or `logStreamNamePrefix`, `logEventFilterPattern`. The logs
 * service validates them as it validates StartLiveTail.
 */
export function consoleTailRequest(query: URLSearchParams): TailRequest {
  const groups = query.getAll('logGroupIdentifier');
  if (groups.length === 0) throw new ServiceError('InvalidParameterException', 'At least one logGroupIdentifier is required.');
  if (groups.length > 10) throw new ServiceError('InvalidParameterException', 'At most 10 logGroupIdentifier values are allowed.');
  const names = query.getAll('logStreamName');
  const prefixes = query.getAll('logStreamNamePrefix');
  const pattern = query.get('logEventFilterPattern');
  if (pattern !== null && pattern.length > 1024) throw new ServiceError('InvalidParameterException', 'logEventFilterPattern must be at most 1024 characters.');
  return {
    logGroupIdentifiers: groups,
    ...(names.length === 0 ? {} : { logStreamNames: names }),
    ...(prefixes.length === 0 ? {} : { logStreamNamePrefixes: prefixes }),
    ...(pattern === null || pattern === '' ? {} : { logEventFilterPattern: pattern }),
  };
}
