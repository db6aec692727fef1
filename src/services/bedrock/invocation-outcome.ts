import type { Caller } from '../../kernel/index.js';

/**
 * What the runtime gateway knows about one finished invocation (successful or not), handed to the invocation
 * logger off the caller's critical path. The logger turns it into a Bedrock `ModelInvocationLog` record (spec 2.2),
 * delivers it to CloudWatch Logs and/or S3 per the logging configuration, and records the `AWS/Bedrock` metrics
 * (spec 4). The gateway never formats records or metrics itself.
 */
export type RuntimeOperation = 'InvokeModel' | 'InvokeModelWithResponseStream' | 'Converse' | 'ConverseStream';

export interface InvocationOutcome {
  readonly operation: RuntimeOperation;
  readonly caller: Caller;
  /** Equals the response's `x-amzn-RequestId`. */
  readonly requestId: string;
  /** The model id exactly as the caller sent it (id, inference-profile id or ARN); the metrics' `ModelId`. */
  readonly modelId: string;
  /** Region that served the call (differs from the caller's only for cross-region inference profiles). */
  readonly inferenceRegion?: string;
  /** Epoch milliseconds when the request arrived. */
  readonly startedAt: number;
  /** Request arrival to last byte of the answer (InvocationLatency). */
  readonly latencyMs: number;
  /** Streaming operations: request arrival to the first content event/chunk (TimeToFirstToken). */
  readonly timeToFirstTokenMs?: number;
  /** Converse `requestMetadata` or the InvokeModel `X-Amzn-Bedrock-Request-Metadata` header, parsed. */
  readonly requestMetadata?: Readonly<Record<string, string>>;
  readonly input: InvocationBody;
  /** Absent when the call failed before any output existed. */
  readonly output?: InvocationBody;
  /** Absent when the backend reported no usage (the record then carries no token counts instead of 0). */
  readonly usage?: InvocationUsage;
  /** Images the model produced (OutputImageCount). */
  readonly outputImageCount?: number;
  /** Present on failure: the AWS error code the caller received, e.g. `ThrottlingException`. */
  readonly error?: { readonly code: string; readonly httpStatus: number; readonly fault: 'client' | 'server' };
  /** True when the call was rejected before it was accepted for processing (InvocationThrottles, not Invocations). */
  readonly throttled?: boolean;
}

/**
 * One body of the record. `json` is the body as Bedrock logs it: the raw InvokeModel body parsed as JSON, the
 * Converse request without `modelId`, the aggregated Converse response for ConverseStream, or the array of decoded
 * chunks for InvokeModelWithResponseStream (spec 2.2, 2.3). `bytes` is set instead for a body that is not JSON.
 */
export interface InvocationBody {
  readonly contentType: string;
  readonly json?: unknown;
  readonly bytes?: Uint8Array;
  /** Which data toggles govern this body (textDataDeliveryEnabled, imageDataDeliveryEnabled, ...). */
  readonly modalities: readonly InvocationModality[];
}

export type InvocationModality = 'text' | 'image' | 'embedding' | 'video' | 'audio';

export interface InvocationUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadInputTokens?: number;
  readonly cacheWriteInputTokens?: number;
}

/** Where the gateway hands outcomes. It must return at once: delivery happens in the background, durably. */
export interface InvocationSink {
  record(outcome: InvocationOutcome): void;
}
