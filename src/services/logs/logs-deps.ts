import type { LogQueryEngine, LogStore, QueryDefinitionStore, Scope } from '../../storage/index.js';
import type { AppendedEvent } from './metric-filter-datums.js';
import type { LiveTail } from './tail/live-tail.js';

/** What the Logs service needs from the outside world; time and the caller come with each request. */
export interface LogsServiceDeps {
  readonly store: LogStore;
  /** Runs Logs Insights plans where the events are. */
  readonly queryEngine: LogQueryEngine;
  /** Saved Insights queries; without it PutQueryDefinition and friends are not served (UnknownOperation). */
  readonly queryDefinitions?: QueryDefinitionStore;
  /**
   * Called once a batch of events is durably appended to a log group that has metric filters, to publish their
   * datapoints (a MetricFilterPublisher's afterAppend). Must return at once: it runs off the response's critical path.
   * PutLogEvents looks the filters up before appending and keeps the events for this call only when there are some.
   */
  readonly afterAppend?: (scope: Scope, logGroupName: string, events: readonly AppendedEvent[]) => void;
  /**
   * Live Tail's engine: write paths publish stored events to it and StartLiveTail opens sessions on it. The server
   * passes one shared with the console stream and the Bedrock ingest; without it the service makes its own.
   */
  readonly liveTail?: LiveTail;
}
