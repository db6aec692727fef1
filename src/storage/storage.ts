import type { LogQueryEngine } from './log-query-engine.js';
import type { BedrockConfigStore } from './bedrock-config-store.js';
import type { LogStore } from './log-store.js';
import type { MetricStore } from './metric-store.js';
import type { QueryDefinitionStore } from './query-definition-store.js';

/** One opened backend: the ports it provides and its lifecycle. Only `server` opens an adapter. */
export interface Storage {
  readonly logs: LogStore;
  readonly metrics: MetricStore;
  /** Logs Insights queries over the LogStore's events. */
  readonly logQueries: LogQueryEngine;
  /** Saved Logs Insights queries (PutQueryDefinition). */
  readonly queryDefinitions: QueryDefinitionStore;
  /** Bedrock settings that must survive a restart (the model invocation logging configuration). */
  readonly bedrockConfig: BedrockConfigStore;
  /** Wipes every resource and event in every account (POST /_modelwatch/reset). */
  reset(): Promise<void>;
  /** Flushes pending writes and releases the backend. */
  close(): Promise<void>;
}
