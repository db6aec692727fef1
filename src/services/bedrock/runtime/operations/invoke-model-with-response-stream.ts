import type { Operation } from '../../../../kernel/index.js';
import type { InvokeModelWithResponseStreamRequest } from '../../../../models/bedrock-runtime/index.js';
import type { ConverseStreamEvent, TokenUsage } from '../../../../providers/converse-types.js';
import type { RawStreamChunk } from '../../../../providers/model-provider.js';
import { admitInvocation, backendSignal, clientGone, tracked } from '../admit-invocation.js';
import type { ChunkStreamer } from '../body-formats/body-format.js';
import { selectBodyFormat } from '../body-formats/select-body-format.js';
import { invokeInputBody, jsonBytes, parseInvokeBody, textModalities } from '../invoke-body.js';
import { InvocationTracker } from '../invocation-tracker.js';
import { primeStream } from '../prime-stream.js';
import type { RuntimeContext } from '../runtime-deps.js';
import { validation } from '../runtime-errors.js';
import { parseRequestMetadataHeader, parseRuntimeInput, requestedModelId } from '../runtime-input.js';
import { StreamAggregate } from '../stream-aggregate.js';

type Chunk = { readonly chunk: { readonly bytes: Uint8Array } };

/**
 * `POST /model/{modelId}/invoke-with-response-stream`: the model family's stream chunks, each as a `chunk` event
 * whose `bytes` are one chunk's JSON; the last chunk carries `amazon-bedrock-invocationMetrics` (spec 3.2).
 */
export function invokeModelWithResponseStream(rt: RuntimeContext): Operation {
  return async (raw, ctx) => {
    const tracker = new InvocationTracker(rt.sink, ctx, 'InvokeModelWithResponseStream');
    tracker.modelId = requestedModelId(raw);
    return tracked(tracker, async () => {
      const input = parseRuntimeInput<InvokeModelWithResponseStreamRequest>('InvokeModelWithResponseStream', raw);
      tracker.requestMetadata = parseRequestMetadataHeader(input.requestMetadata);
      tracker.input = invokeInputBody(input.body, input.contentType, ['text']);
      const { model, quotaKey } = admitInvocation(rt, ctx, input.modelId);
      const abort = new AbortController();
      const call = { upstreamModel: model.upstreamModel, requestedModelId: input.modelId, signal: backendSignal(ctx, abort) };
      const rawStream = model.provider.invokeRawStream?.({
        ...call,
        request: { body: input.body ?? new Uint8Array(0), contentType: input.contentType ?? 'application/json', accept: input.accept ?? 'application/json' },
      });
      let chunks: AsyncIterable<RawStreamChunk>;
      if (rawStream !== undefined) chunks = rawStream;
      else {
        const body = parseInvokeBody(input.body);
        tracker.input = { ...tracker.input, modalities: textModalities(body) };
        const format = selectBodyFormat(model.bodyFormat, body);
        // [unconfirmed] Bedrock's text for streaming an embedding or image model.
        if (format.kind !== 'text') throw validation('The model is unsupported for streaming.');
        const request = format.toConverse(body);
        const events = model.provider.converseStream({ ...call, request });
        chunks = translate(events, format.streamer({ requestId: ctx.requestId, upstreamModel: model.upstreamModel, request }));
      }
      const primed = await primeStream(chunks);
      const decoded: unknown[] = [];
      let usage: TokenUsage | undefined;
      async function* relay(): AsyncGenerator<Chunk> {
        let finished = false;
        try {
          let pending: RawStreamChunk | undefined;
          for await (const chunk of primed) {
            tracker.firstToken();
            if (pending !== undefined) yield emit(pending);
            pending = chunk;
            usage = chunk.usage ?? usage;
          }
          if (pending !== undefined) yield emit(withMetrics(pending, usage, tracker));
          finished = true;
          done();
          tracker.succeed();
        } catch (error) {
          finished = true;
          done();
          tracker.fail(tracker.callerGone() ? clientGone() : error);
          throw error;
        } finally {
          if (!finished) {
            abort.abort();
            done();
            tracker.fail(clientGone());
          }
        }
      }
      const emit = (chunk: RawStreamChunk): Chunk => {
        decoded.push(parseChunk(chunk.bytes));
        return { chunk: { bytes: chunk.bytes } };
      };
      const done = (): void => {
        tracker.setUsage(usage);
        if (usage !== undefined) rt.quotas.chargeTokens(quotaKey, usage.inputTokens + usage.outputTokens, ctx.clock.now());
        tracker.output = { contentType: 'application/json', json: decoded, modalities: ['text'] };
      };
      return {
        body: relay(),
        contentType: 'application/json',
        ...(input.performanceConfigLatency === undefined ? {} : { performanceConfigLatency: input.performanceConfigLatency }),
        ...(input.serviceTier === undefined ? {} : { serviceTier: input.serviceTier }),
      };
    });
  };
}

/** ConverseStream events -> the family's chunks; the closing chunks carry the usage the backend reported. */
async function* translate(events: AsyncIterable<ConverseStreamEvent>, streamer: ChunkStreamer): AsyncGenerator<RawStreamChunk> {
  const aggregate = new StreamAggregate();
  for await (const event of events) {
    aggregate.add(event);
    for (const chunk of streamer.push(event)) yield { bytes: jsonBytes(chunk) };
  }
  const result = aggregate.result();
  const closing = streamer.end(result);
  for (let i = 0; i < closing.length; i++) {
    const last = i === closing.length - 1;
    yield { bytes: jsonBytes(closing[i]), ...(last && result.usage !== undefined ? { usage: result.usage } : {}) };
  }
}

/** Adds `amazon-bedrock-invocationMetrics` to the last chunk; token counts only when the backend reported usage. */
function withMetrics(chunk: RawStreamChunk, usage: TokenUsage | undefined, tracker: InvocationTracker): RawStreamChunk {
  const json = parseChunk(chunk.bytes);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return chunk;
  const metrics = {
    ...(usage === undefined ? {} : { inputTokenCount: usage.inputTokens, outputTokenCount: usage.outputTokens }),
    invocationLatency: tracker.elapsedMs(),
    firstByteLatency: tracker.timeToFirstTokenMs ?? tracker.elapsedMs(),
    ...(usage?.cacheReadInputTokens === undefined ? {} : { cacheReadInputTokenCount: usage.cacheReadInputTokens }),
    ...(usage?.cacheWriteInputTokens === undefined ? {} : { cacheWriteInputTokenCount: usage.cacheWriteInputTokens }),
  };
  return { ...chunk, bytes: jsonBytes({ ...json, 'amazon-bedrock-invocationMetrics': metrics }) };
}

function parseChunk(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return Buffer.from(bytes).toString('base64');
  }
}
