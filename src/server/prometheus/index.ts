export { createPrometheusExposition } from './prometheus-exposition.js';
export type { PrometheusExposition, PrometheusOptions } from './prometheus-exposition.js';
export type { HealthSources } from './health-metrics.js';
export type { RequestObservation } from './request-metrics.js';
export { isPrometheusScrape } from './metrics-endpoint.js';
export { MAX_MODEL_IDS } from './bedrock-metrics.js';
export { storeFileSizes } from './store-file-sizes.js';
