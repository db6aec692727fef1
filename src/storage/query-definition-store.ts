import type { Scope } from './scope.js';

/**
 * Saved Logs Insights queries (PutQueryDefinition and friends), durable across restarts, per account and region.
 * The shape repeats the API's `QueryDefinition` (storage never imports the models).
 */
export interface StoredQueryParameter {
  readonly name: string;
  readonly defaultValue?: string;
  readonly description?: string;
}

export interface StoredQueryDefinition {
  readonly queryDefinitionId: string;
  readonly queryLanguage: string;
  readonly name: string;
  readonly queryString: string;
  /** Epoch milliseconds of the last put. */
  readonly lastModified: number;
  readonly logGroupNames: readonly string[];
  readonly parameters: readonly StoredQueryParameter[];
  /** The clientToken of the put that last wrote it, for idempotent retries. */
  readonly clientToken?: string;
}

export interface QueryDefinitionPage {
  /** Only definitions whose name starts with this (case-sensitive). */
  readonly namePrefix?: string;
  /** Definitions strictly after this (name, id) position, as a page token carries it. */
  readonly after?: { readonly name: string; readonly queryDefinitionId: string };
  readonly limit: number;
}

export interface QueryDefinitionStore {
  get(scope: Scope, queryDefinitionId: string): Promise<StoredQueryDefinition | undefined>;
  /** The definition a put with this clientToken wrote, if it is still there. */
  findByClientToken(scope: Scope, clientToken: string): Promise<StoredQueryDefinition | undefined>;
  count(scope: Scope): Promise<number>;
  /** Inserts, or replaces the definition with the same id whole; resolves once durable. */
  put(scope: Scope, definition: StoredQueryDefinition): Promise<void>;
  /** False when there was no such definition. */
  delete(scope: Scope, queryDefinitionId: string): Promise<boolean>;
  /** Ordered by name, then id. */
  list(scope: Scope, page: QueryDefinitionPage): Promise<StoredQueryDefinition[]>;
}
