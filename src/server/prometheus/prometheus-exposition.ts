import { Registry } from 'prom-client';
import type { InvocationSink } from '../../services/bedrock/invocation-outcome.js';
import { bedrockMetrics, MAX_MODEL_IDS } from './bedrock-metrics.js';
import { healthMetrics, type HealthSources } from './health-metrics.js';
import { requestMetrics, type RequestObservation } from './request-metrics.js';

export interface PrometheusExposition {
  /** Fed by the dispatcher for every answered request. */
  readonly observeRequest: (observation: RequestObservation) => void;
  /** Fanned in beside the invocation logger: the Bedrock runtime metrics. */
  readonly invocations: InvocationSink;
  /** The text exposition format (version 0.0.4), ready to serve. */
  render(): Promise<{ readonly contentType: string; readonly body: string }>;
}

export interface PrometheusOptions {
  readonly health?: HealthSources;
  readonly maxModelIds?: number;
}

/** One registry per server (never prom-client's global one), so tests and embedded servers do not share series. */
export function createPrometheusExposition(options: PrometheusOptions = {}): PrometheusExposition {
  const registry = new Registry();
  const observeRequest = requestMetrics(registry);
  const invocations = bedrockMetrics(registry, options.maxModelIds ?? MAX_MODEL_IDS);
  healthMetrics(registry, options.health ?? {});
  return {
    observeRequest,
    invocations,
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
