import type { ConverseRequest as WireConverseRequest } from '../../../models/bedrock-runtime/index.js';
import type { ConverseRequest, ConverseResult } from '../../../providers/converse-types.js';
import type { InvocationBody, InvocationModality } from '../invocation-outcome.js';
import { validation } from './runtime-errors.js';

/** The validated Converse input (Converse and ConverseStream share their members). */
export type ConverseInput = WireConverseRequest;

/**
 * What the backend gets: the conversation, without the gateway's own members (model id, metadata, tiers). The
 * model's role enum also lists `system`, which Converse refuses in messages, so the generated shape narrows to the
 * port's after that check.
 */
export function toProviderRequest(input: ConverseInput): ConverseRequest {
  // [unconfirmed] Bedrock's wording for a `system` role inside messages.
  if ((input.messages ?? []).some((m) => m.role === 'system')) {
    throw validation('A conversation must alternate between user and assistant roles. Put system prompts in the system field.');
  }
  // Observed wording. No messages at all fails the same way (prompt-management ARNs, which may omit them, are not served).
  if (input.messages?.[0]?.role !== 'user') {
    throw validation('A conversation must start with a user message. Try again with a conversation that starts with a user message.');
  }
  const { messages, system, inferenceConfig, toolConfig, additionalModelRequestFields, additionalModelResponseFieldPaths } = input;
  return {
    ...(messages === undefined ? {} : { messages }),
    ...(system === undefined ? {} : { system }),
    ...(inferenceConfig === undefined ? {} : { inferenceConfig }),
    ...(toolConfig === undefined ? {} : { toolConfig }),
    ...(additionalModelRequestFields === undefined ? {} : { additionalModelRequestFields }),
    ...(additionalModelResponseFieldPaths === undefined ? {} : { additionalModelResponseFieldPaths }),
  } as ConverseRequest;
}

/**
 * The record's input body: the Converse request as sent, without `modelId` (spec 2.2) and without
 * `requestMetadata`, which the record carries as a field of its own.
 */
export function converseInputBody(input: ConverseInput): InvocationBody {
  const { modelId: _modelId, requestMetadata: _metadata, ...body } = input;
  const modalities: InvocationModality[] = ['text'];
  const hasImage = (input.messages ?? []).some((m) => m.content.some((c) => c.image !== undefined));
  if (hasImage) modalities.push('image');
  return { contentType: 'application/json', json: body, modalities };
}

/** The Converse response document (spec 3.4), echoing the requested performance configuration and service tier. */
export function converseResponse(result: ConverseResult, latencyMs: number, input: ConverseInput): Record<string, unknown> {
  return {
    output: { message: result.message },
    stopReason: result.stopReason,
    // metrics before usage: the member order of the record AWS logs (spec 2.2, observed), which logs this document.
    metrics: { latencyMs },
    ...(result.usage === undefined ? {} : { usage: result.usage }),
    ...(result.additionalModelResponseFields === undefined ? {} : { additionalModelResponseFields: result.additionalModelResponseFields }),
    ...(input.performanceConfig === undefined ? {} : { performanceConfig: input.performanceConfig }),
    ...(input.serviceTier === undefined ? {} : { serviceTier: input.serviceTier }),
  };
}

export function totalTokens(result: ConverseResult): number {
  return result.usage === undefined ? 0 : result.usage.inputTokens + result.usage.outputTokens;
}
