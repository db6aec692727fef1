import type { QueryDefinition } from '../../../models/logs/index.js';
import type { QueryDefinitionStore, StoredQueryDefinition } from '../../../storage/index.js';
import { resourceNotFound } from '../errors.js';

/** What the saved-query operations need: the durable store of definitions. */
export interface QueryDefinitionDeps {
  readonly definitions: QueryDefinitionStore;
}

/** AWS's quota of saved query definitions per account and region [older quota doc]. */
export const MAX_QUERY_DEFINITIONS = 1000;

// [unconfirmed] message text; the code is the model's.
export const queryDefinitionNotFound = (): ReturnType<typeof resourceNotFound> => resourceNotFound('The specified query definition does not exist.');

/** A stored definition as the API shows it: log group names always (empty after an update without them), parameters when any. */
export function toQueryDefinition(stored: StoredQueryDefinition): QueryDefinition {
  return {
    queryLanguage: stored.queryLanguage as NonNullable<QueryDefinition['queryLanguage']>,
    queryDefinitionId: stored.queryDefinitionId,
    name: stored.name,
    queryString: stored.queryString,
    lastModified: stored.lastModified,
    logGroupNames: [...stored.logGroupNames],
    ...(stored.parameters.length === 0 ? {} : { parameters: stored.parameters.map((p) => ({ ...p })) }),
  };
}

/**
 * `{{name}}` placeholders of a saved query filled from `values`, else from each parameter's default; a placeholder
 * with neither stays as written. AWS fills them when a saved query is run from the console; the API only stores them.
 */
export function applyQueryParameters(
  queryString: string,
  parameters: readonly { readonly name: string; readonly defaultValue?: string }[],
  values: Readonly<Record<string, string>> = {},
): string {
  const defaults = new Map(parameters.map((p) => [p.name, p.defaultValue]));
  return queryString.replace(/\{\{([a-zA-Z_][a-zA-Z0-9_]*)\}\}/g, (whole, name: string) => values[name] ?? defaults.get(name) ?? whole);
}
