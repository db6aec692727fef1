import type { Operation } from '../../../../kernel/index.js';
import type { InvokeModelRequest } from '../../../../models/bedrock-runtime/index.js';
import type { TokenUsage } from '../../../../providers/converse-types.js';
import type { InvocationModality } from '../../invocation-outcome.js';
import type { CatalogModel } from '../../model-catalog.js';
import { admitInvocation, backendSignal, tracked } from '../admit-invocation.js';
import { selectBodyFormat } from '../body-formats/select-body-format.js';
import type { JsonObject } from '../body-formats/body-checks.js';
import { invokeInputBody, jsonBytes, parseInvokeBody, textModalities } from '../invoke-body.js';
import { InvocationTracker } from '../invocation-tracker.js';
import type { RuntimeContext } from '../runtime-deps.js';
import { validation } from '../runtime-errors.js';
import { parseRequestMetadataHeader, parseRuntimeInput, requestedModelId } from '../runtime-input.js';

interface Answer {
  readonly body: Uint8Array;
  readonly contentType: string;
  readonly usage?: TokenUsage;
  readonly modalities: readonly InvocationModality[];
  readonly imageCount?: number;
}

/**
 * `POST /model/{modelId}/invoke`: the model family's own JSON body (spec 3.7), passed through to a backend that
 * speaks it (`invokeRaw`) or translated to the port's converse/embed/generateImage calls. The response carries the
 * token-count and latency headers real Bedrock sends.
 */
export function invokeModel(rt: RuntimeContext): Operation {
  return async (raw, ctx) => {
    const tracker = new InvocationTracker(rt.sink, ctx, 'InvokeModel');
    tracker.modelId = requestedModelId(raw);
    return tracked(tracker, async () => {
      const input = parseRuntimeInput<InvokeModelRequest>('InvokeModel', raw);
      tracker.requestMetadata = parseRequestMetadataHeader(input.requestMetadata);
      tracker.input = invokeInputBody(input.body, input.contentType, ['text']);
      const { model, quotaKey } = admitInvocation(rt, ctx, input.modelId);
      const signal = backendSignal(ctx, new AbortController());
      const call = { upstreamModel: model.upstreamModel, requestedModelId: input.modelId, signal };
      const passthrough = model.provider.invokeRaw?.({
        ...call,
        request: { body: input.body ?? new Uint8Array(0), contentType: input.contentType ?? 'application/json', accept: input.accept ?? 'application/json' },
      });
      const answer: Answer =
        passthrough === undefined ? await translated(model, parseInvokeBody(input.body), call, ctx.requestId) : { ...(await passthrough), modalities: ['text'] };
      if (passthrough === undefined) tracker.input = { ...tracker.input, modalities: textModalities(parseInvokeBody(input.body)) };
      tracker.setUsage(answer.usage);
      if (answer.usage !== undefined) rt.quotas.chargeTokens(quotaKey, answer.usage.inputTokens + answer.usage.outputTokens, ctx.clock.now());
      if (answer.imageCount !== undefined) tracker.outputImageCount = answer.imageCount;
      tracker.output = invokeInputBody(answer.body, answer.contentType, answer.modalities);
      const latency = tracker.elapsedMs();
      tracker.succeed();
      return {
        body: answer.body,
        contentType: answer.contentType,
        ...(answer.usage === undefined ? {} : { inputTokenCount: answer.usage.inputTokens, outputTokenCount: answer.usage.outputTokens }),
        ...(answer.usage?.cacheReadInputTokens === undefined ? {} : { cacheReadInputTokenCount: answer.usage.cacheReadInputTokens }),
        ...(answer.usage?.cacheWriteInputTokens === undefined ? {} : { cacheWriteInputTokenCount: answer.usage.cacheWriteInputTokens }),
        invocationLatency: latency,
        ...(input.performanceConfigLatency === undefined ? {} : { performanceConfigLatency: input.performanceConfigLatency }),
        ...(input.serviceTier === undefined ? {} : { serviceTier: input.serviceTier }),
      };
    });
  };
}

async function translated(
  model: CatalogModel,
  body: JsonObject,
  call: { readonly upstreamModel: string; readonly requestedModelId: string; readonly signal: AbortSignal },
  requestId: string,
): Promise<Answer> {
  const format = selectBodyFormat(model.bodyFormat, body);
  const provider = model.provider;
  switch (format.kind) {
    case 'text': {
      const request = format.toConverse(body);
      const result = await provider.converse({ ...call, request });
      const json = format.fromResult(result, { requestId, upstreamModel: model.upstreamModel, request });
      return { body: jsonBytes(json), contentType: 'application/json', ...(result.usage === undefined ? {} : { usage: result.usage }), modalities: ['text'] };
    }
    case 'embedding': {
      if (provider.embed === undefined) throw validation('The configured backend of this model does not serve embeddings.');
      const result = await provider.embed({ ...call, request: format.toEmbed(body) });
      const usage = result.inputTokens === undefined ? undefined : { inputTokens: result.inputTokens, outputTokens: 0, totalTokens: result.inputTokens };
      return { body: jsonBytes(format.fromResult(result, body)), contentType: 'application/json', ...(usage === undefined ? {} : { usage }), modalities: ['embedding'] };
    }
    case 'image': {
      if (provider.generateImage === undefined) throw validation('The configured backend of this model does not generate images.');
      const result = await provider.generateImage({ ...call, request: format.toImage(body) });
      return { body: jsonBytes(format.fromResult(result)), contentType: 'application/json', modalities: ['image'], imageCount: result.images.length };
    }
  }
}
