import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ManualClock, ServiceError, type RequestContext } from '../../../kernel/index.js';
import type { ConverseStreamEvent } from '../../../providers/converse-types.js';
import type { ModelProvider } from '../../../providers/model-provider.js';
import type { InvocationOutcome } from '../invocation-outcome.js';
import { createModelCatalog, type CatalogModel } from '../model-catalog.js';
import { createBedrockRuntimeService } from './runtime-service.js';

const clock = new ManualClock(Date.UTC(2026, 0, 1));
const ctx: RequestContext = {
  caller: { accountId: '111122223333', region: 'us-west-2', accessKeyId: 'AKID', arn: 'arn:aws:iam::111122223333:user/dev', userId: 'AIDA' },
  requestId: 'req-1',
  clock,
};

/** A backend that answers after 25 ms of the manual clock and never reports usage, like some upstreams. */
const quiet: ModelProvider = {
  kind: 'test',
  async converse() {
    clock.advance(25);
    return { message: { role: 'assistant', content: [{ text: 'hi' }] }, stopReason: 'end_turn' };
  },
  async *converseStream(): AsyncGenerator<ConverseStreamEvent> {
    clock.advance(10);
    yield { messageStart: { role: 'assistant' } };
    clock.advance(5);
    yield { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'hi' } } };
    yield { contentBlockDelta: { contentBlockIndex: 0, delta: { text: ' there' } } };
    yield { messageStop: { stopReason: 'end_turn' } };
  },
};
const broken: ModelProvider = {
  kind: 'test',
  async converse() {
    throw new ServiceError('ModelTimeoutException', 'too slow', { httpStatus: 408 });
  },
  async *converseStream(): AsyncGenerator<ConverseStreamEvent> {
    yield { messageStart: { role: 'assistant' } };
    throw new ServiceError('ModelStreamErrorException', 'broke', { httpStatus: 424 });
  },
};

/** A backend that streams one event, then waits for its abort signal (a stalled upstream). */
const stalled: ModelProvider = {
  kind: 'test',
  async converse() {
    throw new Error('unused');
  },
  async *converseStream(call): AsyncGenerator<ConverseStreamEvent> {
    yield { messageStart: { role: 'assistant' } };
    await new Promise((_, reject) => call.signal.addEventListener('abort', () => reject(new ServiceError('ModelTimeoutException', 'aborted', { httpStatus: 408 }))));
  },
};

function model(modelId: string, provider: ModelProvider, extra: Partial<CatalogModel> = {}): CatalogModel {
  const info = { modelName: 'm', providerName: 'Anthropic', inputModalities: ['TEXT'], outputModalities: ['TEXT'], responseStreamingSupported: true, legacy: false } as const;
  return { modelId, provider, upstreamModel: 'up', bodyFormat: 'anthropic-messages', info, ...extra };
}

function runtime() {
  const outcomes: InvocationOutcome[] = [];
  const catalog = createModelCatalog([
    model('anthropic.quiet-v1', quiet),
    model('anthropic.broken-v1', broken),
    model('anthropic.limited-v1', quiet, { quotas: { requestsPerMinute: 1 } }),
    model('anthropic.stalled-v1', stalled),
  ]);
  const service = createBedrockRuntimeService({ catalog, sink: { record: (o) => outcomes.push(o) } });
  const op = (name: string, context: RequestContext = ctx) => {
    const handler = service.operations.get(name);
    assert.ok(handler);
    return (input: unknown) => handler(input, context);
  };
  return { outcomes, op };
}

const messages = [{ role: 'user', content: [{ text: 'hello' }] }];

describe('runtime service outcomes', () => {
  test('Converse: one outcome with the request as logged, latency from the clock, and no usage when the backend has none', async () => {
    const { outcomes, op } = runtime();
    const response = (await op('Converse')({ modelId: 'us.anthropic.quiet-v1', messages, requestMetadata: { team: 'a' } })) as Record<string, unknown>;
    assert.equal('usage' in response, false);
    assert.deepEqual(response.metrics, { latencyMs: 25 });
    assert.equal(outcomes.length, 1);
    const outcome = outcomes[0];
    assert.equal(outcome?.operation, 'Converse');
    assert.equal(outcome?.modelId, 'us.anthropic.quiet-v1');
    assert.equal(outcome?.requestId, 'req-1');
    assert.equal(outcome?.caller.accountId, '111122223333');
    assert.equal(outcome?.latencyMs, 25);
    assert.deepEqual(outcome?.requestMetadata, { team: 'a' });
    assert.deepEqual(outcome?.input.json, { messages });
    assert.equal(outcome?.usage, undefined);
    assert.equal(outcome?.error, undefined);
    assert.deepEqual((outcome?.output?.json as { output: unknown }).output, { message: { role: 'assistant', content: [{ text: 'hi' }] } });
  });

  test('ConverseStream: the aggregated response, time to first token, and a metadata event with latency but no usage', async () => {
    const { outcomes, op } = runtime();
    const started = clock.now();
    const { stream } = (await op('ConverseStream')({ modelId: 'anthropic.quiet-v1', messages })) as { stream: AsyncIterable<Record<string, unknown>> };
    const events: Record<string, unknown>[] = [];
    for await (const event of stream) {
      events.push(event);
      // A slow reader: the clock moves on after the metadata event, before the stream ends.
      if ('metadata' in event) clock.advance(7);
    }
    assert.deepEqual(events.at(-1), { metadata: { metrics: { latencyMs: clock.now() - 7 - started } } });
    const logged = outcomes[0]?.output?.json as { metrics: unknown } | undefined;
    assert.deepEqual(logged?.metrics, (events.at(-1) as { metadata: { metrics: unknown } }).metadata.metrics, 'the record has the latency the caller was sent');
    assert.equal(outcomes.length, 1);
    assert.equal(outcomes[0]?.timeToFirstTokenMs, 15);
    assert.equal(outcomes[0]?.usage, undefined);
    assert.deepEqual((outcomes[0]?.output?.json as { output: unknown }).output, { message: { role: 'assistant', content: [{ text: 'hi there' }] } });
  });

  test('failures are outcomes too: validation, unknown model, backend error, in-stream error', async () => {
    const { outcomes, op } = runtime();
    await assert.rejects(op('Converse')({ modelId: 'anthropic.quiet-v1', messages, inferenceConfig: { maxTokens: 0 } }));
    await assert.rejects(op('Converse')({ modelId: 'acme.none-v1', messages }));
    await assert.rejects(op('Converse')({ modelId: 'anthropic.broken-v1', messages }));
    const { stream } = (await op('ConverseStream')({ modelId: 'anthropic.broken-v1', messages })) as { stream: AsyncIterable<unknown> };
    await assert.rejects(async () => {
      for await (const _ of stream) void _;
    });
    assert.deepEqual(outcomes.map((o) => [o.modelId, o.error?.code, o.error?.httpStatus]), [
      ['anthropic.quiet-v1', 'ValidationException', 400],
      ['acme.none-v1', 'ValidationException', 400],
      ['anthropic.broken-v1', 'ModelTimeoutException', 408],
      ['anthropic.broken-v1', 'ModelStreamErrorException', 424],
    ]);
    assert.equal('stopReason' in (outcomes[3]?.output?.json as object), false, 'a stream without messageStop logs no stop reason');
  });

  test('a full quota answers ThrottlingException and records a throttled outcome', async () => {
    const { outcomes, op } = runtime();
    await op('Converse')({ modelId: 'anthropic.limited-v1', messages });
    await assert.rejects(op('Converse')({ modelId: 'anthropic.limited-v1', messages }), (e: ServiceError) => e.code === 'ThrottlingException' && e.httpStatus === 429);
    assert.equal(outcomes[1]?.throttled, true);
    assert.equal(outcomes[1]?.error?.code, 'ThrottlingException');
    assert.equal(outcomes[0]?.throttled, undefined);
  });

  test('a client that stops reading ends the stream with one outcome', async () => {
    const { outcomes, op } = runtime();
    const { stream } = (await op('ConverseStream')({ modelId: 'anthropic.quiet-v1', messages })) as { stream: AsyncIterable<unknown> };
    for await (const _ of stream) break;
    assert.equal(outcomes.length, 1);
    assert.equal(outcomes[0]?.error?.code, 'ClientClosedRequest');
  });

  test('InvokeModel with the request-metadata header: parsed into the outcome; a bad header is ValidationException', async () => {
    const { outcomes, op } = runtime();
    const body = new TextEncoder().encode(JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] }));
    const response = (await op('InvokeModel')({ modelId: 'anthropic.quiet-v1', body, requestMetadata: '{"app":"x"}' })) as Record<string, unknown>;
    assert.equal(response.inputTokenCount, undefined, 'no usage, no token headers');
    assert.deepEqual(outcomes[0]?.requestMetadata, { app: 'x' });
    assert.equal((outcomes[0]?.input.json as { max_tokens: number }).max_tokens, 5);
    await assert.rejects(op('InvokeModel')({ modelId: 'anthropic.quiet-v1', body, requestMetadata: '[1]' }), (e: ServiceError) => e.code === 'ValidationException');
  });

  test('the caller leaving aborts a stalled backend and records ClientClosedRequest', async () => {
    const { outcomes, op } = runtime();
    const gone = new AbortController();
    const { stream } = (await op('ConverseStream', { ...ctx, signal: gone.signal })({ modelId: 'anthropic.stalled-v1', messages })) as { stream: AsyncIterable<unknown> };
    const iterator = stream[Symbol.asyncIterator]();
    assert.deepEqual((await iterator.next()).value, { messageStart: { role: 'assistant' } });
    const pending = iterator.next();
    gone.abort();
    await assert.rejects(pending);
    assert.equal(outcomes.length, 1);
    assert.equal(outcomes[0]?.error?.code, 'ClientClosedRequest');
  });
});
