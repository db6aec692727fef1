import type { Operation } from '../../../../kernel/index.js';
import type { ConverseStreamEvent } from '../../../../providers/converse-types.js';
import { admitInvocation, backendSignal, clientGone, tracked } from '../admit-invocation.js';
import { converseInputBody, converseResponse, toProviderRequest, totalTokens, type ConverseInput } from '../converse-shapes.js';
import { InvocationTracker } from '../invocation-tracker.js';
import { primeStream } from '../prime-stream.js';
import type { RuntimeContext } from '../runtime-deps.js';
import { unsupportedModelForConverse } from '../runtime-errors.js';
import { parseRuntimeInput, requestedModelId } from '../runtime-input.js';
import { StreamAggregate } from '../stream-aggregate.js';

/**
 * `POST /model/{modelId}/converse-stream`: the backend's events relayed as they come (spec 3.5). The gateway owns
 * the `metadata` event's `metrics.latencyMs`; a failure after the first event reaches the caller in-stream.
 */
export function converseStream(rt: RuntimeContext): Operation {
  return async (raw, ctx) => {
    const tracker = new InvocationTracker(rt.sink, ctx, 'ConverseStream');
    tracker.modelId = requestedModelId(raw);
    return tracked(tracker, async () => {
      const input = parseRuntimeInput<ConverseInput>('ConverseStream', raw);
      tracker.requestMetadata = input.requestMetadata;
      tracker.input = converseInputBody(input);
      const { model, quotaKey } = admitInvocation(rt, ctx, input.modelId);
      if (!model.info.outputModalities.includes('TEXT')) throw unsupportedModelForConverse();
      const abort = new AbortController();
      const source = model.provider.converseStream({
        upstreamModel: model.upstreamModel,
        requestedModelId: input.modelId,
        request: toProviderRequest(input),
        signal: backendSignal(ctx, abort),
      });
      const primed = await primeStream(source);
      const aggregate = new StreamAggregate();
      async function* relay(): AsyncGenerator<ConverseStreamEvent> {
        let finished = false;
        let sawMetadata = false;
        try {
          for await (const event of primed) {
            if ('contentBlockDelta' in event || 'contentBlockStart' in event) tracker.firstToken();
            aggregate.add(event);
            if ('metadata' in event) {
              sawMetadata = true;
              yield { metadata: withGatewayFields(event.metadata, (sentLatencyMs = tracker.elapsedMs()), input) };
            } else yield event;
          }
          // A backend that reports no usage still gets the latency event (without usage, never zeros).
          if (!sawMetadata) yield { metadata: withGatewayFields({}, (sentLatencyMs = tracker.elapsedMs()), input) };
          finished = true;
          complete();
          tracker.succeed();
        } catch (error) {
          finished = true;
          complete();
          tracker.fail(tracker.callerGone() ? clientGone() : error);
          throw error;
        } finally {
          if (!finished) {
            // The client went away: stop the backend and record what was produced.
            abort.abort();
            complete();
            tracker.fail(clientGone());
          }
        }
      }
      // The record's metrics.latencyMs is the one the caller was sent in the metadata event, not a later reading.
      let sentLatencyMs: number | undefined;
      const complete = (): void => {
        const result = aggregate.result();
        rt.quotas.chargeTokens(quotaKey, totalTokens(result), ctx.clock.now());
        tracker.setUsage(result.usage);
        const latencyMs = sentLatencyMs ?? tracker.elapsedMs();
        const response = converseResponse(result, latencyMs, input);
        // A stream that ended without messageStop logs what it produced, not a stop reason it never had [unconfirmed].
        const { stopReason: _neverSent, ...partial } = response;
        tracker.output = { contentType: 'application/json', json: aggregate.stopped ? response : partial, modalities: ['text'] };
      };
      return { stream: relay() };
    });
  };
}

function withGatewayFields(
  metadata: Extract<ConverseStreamEvent, { metadata: unknown }>['metadata'],
  latencyMs: number,
  input: ConverseInput,
): Extract<ConverseStreamEvent, { metadata: unknown }>['metadata'] {
  return {
    ...metadata,
    metrics: { latencyMs },
    ...(input.performanceConfig === undefined ? {} : { performanceConfig: input.performanceConfig }),
    ...(input.serviceTier === undefined ? {} : { serviceTier: input.serviceTier }),
  };
}
