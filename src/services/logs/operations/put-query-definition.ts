import { randomUUID } from 'node:crypto';
import type { Operation } from '../../../kernel/index.js';
import type { PutQueryDefinitionRequest, PutQueryDefinitionResponse } from '../../../models/logs/index.js';
import { invalidParameter, limitExceeded } from '../errors.js';
import { MAX_QUERY_DEFINITIONS, queryDefinitionNotFound, type QueryDefinitionDeps } from '../insights/query-definitions.js';
import { scopeOf } from '../log-group-ref.js';
import { parseLogsInput } from '../logs-input.js';

/**
 * PutQueryDefinition: creates a saved query, or with `queryDefinitionId` replaces one whole (members left out become
 * empty, as AWS documents). A repeated `clientToken` answers the definition its first put wrote, unchanged.
 * The query text is stored as given, not compiled: it may hold `{{parameter}}` placeholders [unconfirmed whether
 * AWS checks the syntax here].
 */
export function putQueryDefinition({ definitions }: QueryDefinitionDeps): Operation<unknown, PutQueryDefinitionResponse> {
  return async (raw, ctx) => {
    const input = parseLogsInput<PutQueryDefinitionRequest>('PutQueryDefinition', raw);
    const scope = scopeOf(ctx);
    if (input.clientToken !== undefined) {
      const earlier = await definitions.findByClientToken(scope, input.clientToken);
      if (earlier !== undefined) return { queryDefinitionId: earlier.queryDefinitionId };
    }
    const parameters = input.parameters ?? [];
    const names = new Set(parameters.map((p) => p.name));
    if (names.size < parameters.length) throw invalidParameter('Query parameter names must be unique.'); // [unconfirmed]
    let queryDefinitionId = input.queryDefinitionId;
    if (queryDefinitionId !== undefined) {
      if ((await definitions.get(scope, queryDefinitionId)) === undefined) throw queryDefinitionNotFound();
    } else {
      if ((await definitions.count(scope)) >= MAX_QUERY_DEFINITIONS) {
        throw limitExceeded(`Account maximum of ${MAX_QUERY_DEFINITIONS} query definitions reached.`); // [unconfirmed] text
      }
      queryDefinitionId = randomUUID();
    }
    await definitions.put(scope, {
      queryDefinitionId,
      queryLanguage: input.queryLanguage ?? 'CWLI',
      name: input.name,
      queryString: input.queryString,
      lastModified: ctx.clock.now(),
      logGroupNames: [...(input.logGroupNames ?? [])],
      parameters: parameters.map((p) => ({
        name: p.name,
        ...(p.defaultValue === undefined ? {} : { defaultValue: p.defaultValue }),
        ...(p.description === undefined ? {} : { description: p.description }),
      })),
      ...(input.clientToken === undefined ? {} : { clientToken: input.clientToken }),
    });
    return { queryDefinitionId };
  };
}
