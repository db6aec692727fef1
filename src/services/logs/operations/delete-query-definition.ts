import type { Operation } from '../../../kernel/index.js';
import type { DeleteQueryDefinitionRequest, DeleteQueryDefinitionResponse } from '../../../models/logs/index.js';
import { queryDefinitionNotFound, type QueryDefinitionDeps } from '../insights/query-definitions.js';
import { scopeOf } from '../log-group-ref.js';
import { parseLogsInput } from '../logs-input.js';

/** DeleteQueryDefinition: `{success: true}`, or ResourceNotFoundException for an id this account does not have [unconfirmed]. */
export function deleteQueryDefinition({ definitions }: QueryDefinitionDeps): Operation<unknown, DeleteQueryDefinitionResponse> {
  return async (raw, ctx) => {
    const input = parseLogsInput<DeleteQueryDefinitionRequest>('DeleteQueryDefinition', raw);
    if (!(await definitions.delete(scopeOf(ctx), input.queryDefinitionId))) throw queryDefinitionNotFound();
    return { success: true };
  };
}
