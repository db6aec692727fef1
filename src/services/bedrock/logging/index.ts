export { loggingOperations } from './logging-operations.js';
export type { LoggingConfigDeps } from './logging-config-deps.js';
export { createInvocationLogger } from './invocation-logger.js';
export type { InvocationLogger } from './invocation-logger.js';
export type { InvocationLoggerDeps, InvocationLoggerOptions } from './invocation-logger-deps.js';
export type { AppendLogEventsOutcome, LogBucket, LogEventInput, LogGroupSink, LogObject, LogObjectStore } from './log-destinations.js';
export { INVOCATION_LOG_STREAM } from './log-deliveries.js';
export { BEDROCK_NAMESPACE } from './runtime-metrics.js';
