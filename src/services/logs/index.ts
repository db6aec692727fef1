export { createLogsService } from './logs-service.js';
export type { LogsServiceDeps } from './logs-deps.js';
export { RETENTION_DAYS, retentionFloor } from './retention.js';
export { createLogIngest } from './log-ingest.js';
export type { LogIngest, LogIngestDeps } from './log-ingest.js';
export { createMetricFilterPublisher } from './metric-filter-publisher.js';
export type { MetricFilterPublisher, MetricFilterPublisherOptions, PublishMetrics } from './metric-filter-publisher.js';
export { metricFilterDatums } from './metric-filter-datums.js';
export type { AppendedEvent } from './metric-filter-datums.js';
