import type { Operation } from '../../../kernel/index.js';
import type { GetQueryResultsRequest, GetQueryResultsResponse } from '../../../models/logs/index.js';
import { decodePageToken, encodePageToken } from '../../common/index.js';
import { invalidNextToken } from '../errors.js';
import type { InsightsDeps } from '../insights/insights-deps.js';
import { queryNotFound } from '../insights/insights-errors.js';
import { scopeOf } from '../log-group-ref.js';
import { parseLogsInput } from '../logs-input.js';

const TOKEN_KIND = 'GetQueryResults';
/** AWS returns at most 10,000 rows per call; nextToken pages through the rest. */
const MAX_ITEMS = 10_000;

/** GetQueryResults: status, statistics and rows (a page of them when maxItems or nextToken is given). */
export function getQueryResults({ registry }: InsightsDeps): Operation<unknown, GetQueryResultsResponse> {
  return async (raw, ctx) => {
    const input = parseLogsInput<GetQueryResultsRequest>('GetQueryResults', raw);
    const entry = registry.get(scopeOf(ctx), input.queryId, ctx.clock.now());
    if (entry === undefined) throw queryNotFound();
    let offset = 0;
    if (input.nextToken !== undefined) {
      const state = decodePageToken(TOKEN_KIND, input.nextToken);
      if (state?.q !== entry.queryId || typeof state.o !== 'number') throw invalidNextToken();
      offset = state.o;
    }
    const size = Math.min(input.maxItems ?? MAX_ITEMS, MAX_ITEMS);
    const results = entry.results.slice(offset, offset + size);
    const next = offset + results.length;
    const more = entry.status === 'Complete' && next < entry.results.length;
    return {
      queryLanguage: entry.queryLanguage,
      results,
      statistics: { ...entry.statistics },
      status: entry.status,
      ...(more ? { nextToken: encodePageToken(TOKEN_KIND, { q: entry.queryId, o: next }) } : {}),
    };
  };
}
