import { Counter, Histogram, type Registry } from 'prom-client';
import type { InvocationOutcome, InvocationSink } from '../../services/bedrock/invocation-outcome.js';
import { BoundedLabel } from './bounded-label.js';

/** At most this many model ids get their own series; the rest are reported as `other`. */
export const MAX_MODEL_IDS = 100;

const SECONDS_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120];

/**
 * The `AWS/Bedrock` runtime metrics (spec 4) in Prometheus form, per model id: throttled calls count only as
 * throttles; every other call is an invocation, and a failed one also a client (4xx) or server (5xx) error.
 */
export function bedrockMetrics(registry: Registry, maxModelIds = MAX_MODEL_IDS): InvocationSink {
  const modelIds = new BoundedLabel(maxModelIds);
  const counter = (name: string, help: string) => new Counter({ name, help, labelNames: ['model_id'] as const, registers: [registry] });
  const histogram = (name: string, help: string) =>
    new Histogram({ name, help, labelNames: ['model_id'] as const, buckets: SECONDS_BUCKETS, registers: [registry] });
  const invocations = counter('modelwatch_bedrock_invocations_total', 'Invocations accepted for processing (AWS/Bedrock Invocations).');
  const clientErrors = counter('modelwatch_bedrock_invocation_client_errors_total', 'Invocations ending in a 4xx error (InvocationClientErrors).');
  const serverErrors = counter('modelwatch_bedrock_invocation_server_errors_total', 'Invocations ending in a 5xx error (InvocationServerErrors).');
  const throttles = counter('modelwatch_bedrock_invocation_throttles_total', 'Throttled invocations (InvocationThrottles).');
  const inputTokens = counter('modelwatch_bedrock_input_tokens_total', 'Input tokens (InputTokenCount).');
  const outputTokens = counter('modelwatch_bedrock_output_tokens_total', 'Output tokens (OutputTokenCount).');
  const latency = histogram('modelwatch_bedrock_invocation_latency_seconds', 'Request arrival to the last byte of the answer (InvocationLatency).');
  const firstToken = histogram('modelwatch_bedrock_time_to_first_token_seconds', 'Streaming calls: request arrival to the first content (TimeToFirstToken).');

  return {
    record(outcome: InvocationOutcome): void {
      const labels = { model_id: modelIds.value(outcome.modelId) };
      if (outcome.throttled === true) {
        throttles.inc(labels);
        return;
      }
      invocations.inc(labels);
      if (outcome.error !== undefined) (outcome.error.fault === 'server' || outcome.error.httpStatus >= 500 ? serverErrors : clientErrors).inc(labels);
      latency.observe(labels, outcome.latencyMs / 1000);
      if (outcome.timeToFirstTokenMs !== undefined) firstToken.observe(labels, outcome.timeToFirstTokenMs / 1000);
      if (outcome.usage !== undefined) {
        inputTokens.inc(labels, outcome.usage.inputTokens);
        outputTokens.inc(labels, outcome.usage.outputTokens);
      }
    },
  };
}
