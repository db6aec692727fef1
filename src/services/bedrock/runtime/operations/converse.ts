import type { Operation } from '../../../../kernel/index.js';
import { admitInvocation, backendSignal, tracked } from '../admit-invocation.js';
import { converseInputBody, converseResponse, toProviderRequest, totalTokens, type ConverseInput } from '../converse-shapes.js';
import { InvocationTracker } from '../invocation-tracker.js';
import type { RuntimeContext } from '../runtime-deps.js';
import { unsupportedModelForConverse } from '../runtime-errors.js';
import { parseRuntimeInput, requestedModelId } from '../runtime-input.js';

/** `POST /model/{modelId}/converse`: one conversation turn through the model's backend. */
export function converse(rt: RuntimeContext): Operation {
  return async (raw, ctx) => {
    const tracker = new InvocationTracker(rt.sink, ctx, 'Converse');
    tracker.modelId = requestedModelId(raw);
    return tracked(tracker, async () => {
      const input = parseRuntimeInput<ConverseInput>('Converse', raw);
      tracker.requestMetadata = input.requestMetadata;
      tracker.input = converseInputBody(input);
      const { model, quotaKey } = admitInvocation(rt, ctx, input.modelId);
      if (!model.info.outputModalities.includes('TEXT')) throw unsupportedModelForConverse();
      const result = await model.provider.converse({
        upstreamModel: model.upstreamModel,
        requestedModelId: input.modelId,
        request: toProviderRequest(input),
        signal: backendSignal(ctx, new AbortController()),
      });
      rt.quotas.chargeTokens(quotaKey, totalTokens(result), ctx.clock.now());
      const response = converseResponse(result, tracker.elapsedMs(), input);
      tracker.setUsage(result.usage);
      tracker.output = { contentType: 'application/json', json: response, modalities: ['text'] };
      tracker.succeed();
      return response;
    });
  };
}
