import type { InvocationOutcome } from '../invocation-outcome.js';

export const BEDROCK_NAMESPACE = 'AWS/Bedrock';

/** One value of one `AWS/Bedrock` metric; `modelId` undefined means no dimension (the delivery-health metrics). */
export interface BedrockMetricPoint {
  readonly metricName: string;
  readonly unit: 'Count' | 'Milliseconds';
  readonly value: number;
  readonly modelId?: string;
}

/**
 * The runtime metrics of one invocation, at AWS's definitions (spec 4), dimension `ModelId` = the id as invoked:
 * - a throttled call counts only in InvocationThrottles (neither Invocations nor errors);
 * - a call rejected by input validation (`ValidationException`) is not an accepted invocation, so it counts only in
 *   InvocationClientErrors [unconfirmed: whether AWS counts it there too];
 * - every other call counts in Invocations, and in InvocationClientErrors (4xx) or InvocationServerErrors (5xx)
 *   when it failed; InvocationLatency is published for calls that succeeded [unconfirmed for failures];
 * - token counts only when usage is known, cache counts and images only when nonzero, TimeToFirstToken for streams.
 * Error counters are published only when they are 1 [unconfirmed: AWS may publish explicit zeros].
 */
export function runtimeMetricPoints(outcome: InvocationOutcome): BedrockMetricPoint[] {
  // A value the gateway could not measure (NaN, negative) is left out rather than failing the whole batch.
  return metricPointsOf(outcome).filter((point) => Number.isFinite(point.value) && point.value >= 0);
}

function metricPointsOf(outcome: InvocationOutcome): BedrockMetricPoint[] {
  const modelId = outcome.modelId;
  const count = (metricName: string, value = 1): BedrockMetricPoint => ({ metricName, unit: 'Count', value, modelId });
  const error = outcome.error;
  if (outcome.throttled === true || error?.code === 'ThrottlingException') return [count('InvocationThrottles')];
  if (error?.code === 'ValidationException') return [count('InvocationClientErrors')];
  const points: BedrockMetricPoint[] = [count('Invocations')];
  if (error === undefined) points.push({ metricName: 'InvocationLatency', unit: 'Milliseconds', value: outcome.latencyMs, modelId });
  else points.push(count(error.fault === 'server' || error.httpStatus >= 500 ? 'InvocationServerErrors' : 'InvocationClientErrors'));
  const usage = outcome.usage;
  if (usage !== undefined) {
    points.push(count('InputTokenCount', usage.inputTokens), count('OutputTokenCount', usage.outputTokens));
    if ((usage.cacheReadInputTokens ?? 0) > 0) points.push(count('CacheReadInputTokenCount', usage.cacheReadInputTokens));
    if ((usage.cacheWriteInputTokens ?? 0) > 0) points.push(count('CacheWriteInputTokenCount', usage.cacheWriteInputTokens));
  }
  if ((outcome.outputImageCount ?? 0) > 0) points.push(count('OutputImageCount', outcome.outputImageCount));
  if (outcome.timeToFirstTokenMs !== undefined) {
    points.push({ metricName: 'TimeToFirstToken', unit: 'Milliseconds', value: outcome.timeToFirstTokenMs, modelId });
  }
  return points;
}

/** Delivery-health metric names (spec 2.6) [unconfirmed: `LargePayloads` vs `LargeData` spelling]. */
export type DeliveryChannel = 'CloudWatch' | 'S3' | 'LargePayloadsS3';

export function deliveryMetricPoint(channel: DeliveryChannel, ok: boolean): BedrockMetricPoint {
  const prefix = channel === 'LargePayloadsS3' ? 'ModelInvocationLargePayloadsS3' : `ModelInvocationLogs${channel}`;
  return { metricName: `${prefix}Delivery${ok ? 'Success' : 'Failure'}`, unit: 'Count', value: 1 };
}
