import type { LogQueryEngine, LogStore } from '../../storage/index.js';

/** What the Logs service needs from the outside world; time and the caller come with each request. */
export interface LogsServiceDeps {
  readonly store: LogStore;
  /** Runs Logs Insights plans where the events are. */
  readonly queryEngine: LogQueryEngine;
}
