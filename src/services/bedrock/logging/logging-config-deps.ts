import type { BedrockConfigStore } from '../../../storage/index.js';
import type { LogGroupSink, LogObjectStore } from './log-destinations.js';

/** What the three logging-configuration operations need; the server wires the logs and S3 services in. */
export interface LoggingConfigDeps {
  readonly configs: BedrockConfigStore;
  readonly logs: Pick<LogGroupSink, 'logGroupExists'>;
  readonly objects: LogObjectStore;
}
