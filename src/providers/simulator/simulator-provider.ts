import { ServiceError, seededRandom } from '../../kernel/index.js';
import type { ContentBlock, ConverseRequest, ConverseResult, ConverseStreamEvent } from '../converse-types.js';
import type { ModelProvider, ProviderCall } from '../model-provider.js';
import { estimateTokens } from '../token-estimate.js';
import { encodePng } from './png-image.js';
import { planReply, type PlannedReply } from './plan-reply.js';
import { seededEmbedding } from './seeded-embedding.js';
import { hashText } from './seeded-text.js';
import { realSleeper, type SimulatorOptions, type Sleeper } from './simulator-options.js';

/**
 * The built-in model: deterministic text from the prompt and the seed, tool calls when tools are offered, unit
 * embedding vectors, real PNG images, and seeded failures at the configured rates. Time passes only through the
 * injected sleeper, so tests run it with no delay at all.
 */
export function createSimulatorProvider(options: SimulatorOptions, sleep: Sleeper = realSleeper): ModelProvider {
  const roll = seededRandom(options.seed);
  const tokenDelay = options.tokensPerSecond > 0 ? 1000 / options.tokensPerSecond : 0;

  /** One roll per call, in call order: the same seed and call sequence fail the same calls. */
  const fate = (): 'throttle' | 'error' | 'ok' => {
    const r = roll();
    if (r < options.throttleRate) return 'throttle';
    return r < options.throttleRate + options.errorRate ? 'error' : 'ok';
  };

  return {
    kind: 'simulator',
    async converse(call) {
      const outcome = fate();
      await sleep(options.timeToFirstTokenMs, call.signal);
      if (outcome === 'throttle') throw throttled();
      if (outcome === 'error') throw modelError(call.upstreamModel);
      const reply = planReply(call.request, options);
      await sleep(tokenDelay * reply.usage.outputTokens, call.signal);
      return toResult(reply);
    },
    converseStream(call) {
      return streamReply(call, fate(), { options, sleep, tokenDelay });
    },
    async embed(call) {
      const outcome = fate();
      if (outcome === 'throttle') throw throttled();
      if (outcome === 'error') throw modelError(call.upstreamModel);
      await sleep(options.timeToFirstTokenMs, call.signal);
      const { inputText, dimensions = 1024, normalize } = call.request;
      return { embedding: seededEmbedding(inputText, options.seed, dimensions, normalize), inputTokens: estimateTokens(inputText) };
    },
    async generateImage(call) {
      const outcome = fate();
      if (outcome === 'throttle') throw throttled();
      if (outcome === 'error') throw modelError(call.upstreamModel);
      await sleep(options.timeToFirstTokenMs, call.signal);
      const { prompt, width, height, count, seed } = call.request;
      const images = Array.from({ length: count }, (_, i) => encodePng(width, height, hashText(`${prompt}|${i}`, seed ?? options.seed)));
      return { images };
    },
  };
}

async function* streamReply(
  call: ProviderCall<ConverseRequest>,
  outcome: 'throttle' | 'error' | 'ok',
  env: { readonly options: SimulatorOptions; readonly sleep: Sleeper; readonly tokenDelay: number },
): AsyncGenerator<ConverseStreamEvent> {
  const { sleep, tokenDelay } = env;
  await sleep(env.options.timeToFirstTokenMs, call.signal);
  if (outcome === 'throttle') throw throttled();
  const reply = planReply(call.request, env.options);
  yield { messageStart: { role: 'assistant' } };
  if (reply.toolUse !== undefined) {
    const { toolUseId, name, input } = reply.toolUse;
    yield { contentBlockStart: { contentBlockIndex: 0, start: { toolUse: { toolUseId, name } } } };
    const json = JSON.stringify(input);
    const half = Math.ceil(json.length / 2);
    for (const part of [json.slice(0, half), json.slice(half)]) {
      if (part === '') continue;
      await sleep(tokenDelay, call.signal);
      yield { contentBlockDelta: { contentBlockIndex: 0, delta: { toolUse: { input: part } } } };
    }
  } else {
    // A failing stream breaks half-way, after content has been sent: the SDK then sees an in-stream exception.
    const breakAt = outcome === 'error' ? Math.floor(reply.pieces.length / 2) : -1;
    for (let i = 0; i < reply.pieces.length; i++) {
      if (i === breakAt) throw streamError();
      if (i > 0) await sleep(tokenDelay, call.signal);
      yield { contentBlockDelta: { contentBlockIndex: 0, delta: { text: reply.pieces[i] ?? '' } } };
    }
    if (outcome === 'error') throw streamError();
  }
  yield { contentBlockStop: { contentBlockIndex: 0 } };
  yield { messageStop: { stopReason: reply.stopReason } };
  yield { metadata: { usage: reply.usage } };
}

function toResult(reply: PlannedReply): ConverseResult {
  const content: ContentBlock[] = reply.toolUse === undefined ? [{ text: reply.pieces.join('') }] : [{ toolUse: reply.toolUse }];
  return { message: { role: 'assistant', content }, stopReason: reply.stopReason, usage: reply.usage };
}

// [unconfirmed] Bedrock's throttling text for on-demand quotas.
function throttled(): ServiceError {
  return new ServiceError('ThrottlingException', 'Too many requests, please wait before trying again.', { httpStatus: 429 });
}

function modelError(model: string): ServiceError {
  return new ServiceError('ModelErrorException', 'The simulated model failed to process the request (configured error rate).', {
    httpStatus: 424,
    members: { originalStatusCode: 500, resourceName: model },
  });
}

function streamError(): ServiceError {
  return new ServiceError('ModelStreamErrorException', 'The simulated model failed while streaming (configured error rate).', {
    httpStatus: 424,
    members: { originalStatusCode: 500, originalMessage: 'simulated failure' },
  });
}
