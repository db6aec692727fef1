import type { Operation } from '../../../kernel/index.js';
import type { DescribeQueryDefinitionsRequest, DescribeQueryDefinitionsResponse } from '../../../models/logs/index.js';
import { decodePageToken, encodePageToken } from '../../common/index.js';
import { invalidNextToken } from '../errors.js';
import { toQueryDefinition, type QueryDefinitionDeps } from '../insights/query-definitions.js';
import { scopeOf } from '../log-group-ref.js';
import { parseLogsInput } from '../logs-input.js';

const TOKEN_KIND = 'DescribeQueryDefinitions';
const DEFAULT_MAX_RESULTS = 1000;

/** DescribeQueryDefinitions: saved queries by name (then id), optionally by name prefix and language, paged. */
export function describeQueryDefinitions({ definitions }: QueryDefinitionDeps): Operation<unknown, DescribeQueryDefinitionsResponse> {
  return async (raw, ctx) => {
    const input = parseLogsInput<DescribeQueryDefinitionsRequest>('DescribeQueryDefinitions', raw);
    const prefix = input.queryDefinitionNamePrefix;
    let after: { name: string; queryDefinitionId: string } | undefined;
    if (input.nextToken !== undefined) {
      const state = decodePageToken(TOKEN_KIND, input.nextToken);
      // A token is only good for the listing it came from: same prefix, same language.
      if (typeof state?.n !== 'string' || typeof state.i !== 'string' || state.p !== (prefix ?? '') || state.l !== (input.queryLanguage ?? '')) {
        throw invalidNextToken();
      }
      after = { name: state.n, queryDefinitionId: state.i };
    }
    const size = input.maxResults ?? DEFAULT_MAX_RESULTS;
    const scope = scopeOf(ctx);
    const found = [];
    // The language filter runs here; pages are refilled until full or the store has no more.
    for (;;) {
      const batch = await definitions.list(scope, { ...(prefix === undefined ? {} : { namePrefix: prefix }), ...(after === undefined ? {} : { after }), limit: size + 1 });
      for (const d of batch) if (input.queryLanguage === undefined || d.queryLanguage === input.queryLanguage) found.push(d);
      const last = batch.at(-1);
      if (batch.length < size + 1 || found.length > size || last === undefined) break;
      after = { name: last.name, queryDefinitionId: last.queryDefinitionId };
    }
    const page = found.slice(0, size);
    const last = page.at(-1);
    const more = found.length > size && last !== undefined;
    return {
      queryDefinitions: page.map(toQueryDefinition),
      ...(more ? { nextToken: encodePageToken(TOKEN_KIND, { n: last.name, i: last.queryDefinitionId, p: prefix ?? '', l: input.queryLanguage ?? '' }) } : {}),
    };
  };
}
