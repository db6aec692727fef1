import type { LogQueryEngine, LogStore } from '../../../storage/index.js';
import type { QueryRegistry } from './query-registry.js';

/** What the Logs Insights operations share: the groups, the engine that runs plans, and the registry of queries. */
export interface InsightsDeps {
  readonly store: LogStore;
  readonly engine: LogQueryEngine;
  readonly registry: QueryRegistry;
}
