import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FAKE_BEDROCK_KEY, startFakeBedrockRuntime, type FakeBedrockServer } from '../../../test/fakes/bedrock-runtime-server.js';
import type { ConverseRequest } from '../converse-types.js';
import type { ModelProvider, RawInvokeRequest, RawStreamChunk } from '../model-provider.js';
import { callOf, collect, rejectsWith } from '../provider.test-support.js';
import { createBedrockProvider, parseBedrockOptions } from './index.js';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const PROFILE_ARN = 'arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0';
const hello: ConverseRequest = { messages: [{ role: 'user', content: [{ text: 'Hi' }] }] };
const raw = (value: unknown): RawInvokeRequest => ({ body: new TextEncoder().encode(JSON.stringify(value)), contentType: 'application/json', accept: 'application/json' });

describe('bedrock provider against a fake bedrock-runtime that verifies SigV4', () => {
  let fake: FakeBedrockServer;
  let provider: ModelProvider;
  before(async () => {
    fake = await startFakeBedrockRuntime();
    provider = createBedrockProvider(parseBedrockOptions({ region: 'us-east-1', endpoint: fake.url, credentials: FAKE_BEDROCK_KEY, timeoutMs: 300 }));
  });
  after(() => fake.close());

  it('forwards Converse signed, with blobs as base64, and returns the upstream answer', async () => {
    fake.enqueue({ kind: 'converse', text: 'Forwarded.', usage: { inputTokens: 7, outputTokens: 2, totalTokens: 9, cacheReadInputTokens: 3 } });
    const request: ConverseRequest = {
      messages: [{ role: 'user', content: [{ text: 'Look' }, { image: { format: 'png', source: { bytes: new Uint8Array([1, 2, 3]) } } }] }],
      inferenceConfig: { maxTokens: 20 },
    };
    const result = await provider.converse(callOf(request, { model: MODEL }));
    assert.deepEqual(result, {
      message: { role: 'assistant', content: [{ text: 'Forwarded.' }] },
      stopReason: 'end_turn',
      usage: { inputTokens: 7, outputTokens: 2, totalTokens: 9, cacheReadInputTokens: 3 },
    });
    const call = fake.calls().at(-1);
    assert.equal(call?.operation, 'converse');
    assert.equal(call?.modelId, MODEL);
    assert.match(call?.headers.authorization ?? '', /^AWS4-HMAC-SHA256 Credential=AKIDUPSTREAM\/\d{8}\/us-east-1\/bedrock\/aws4_request/);
    assert.deepEqual(call?.body, {
      messages: [{ role: 'user', content: [{ text: 'Look' }, { image: { format: 'png', source: { bytes: 'AQID' } } }] }],
      inferenceConfig: { maxTokens: 20 },
    });
  });

  it('signs ARN model ids (percent-encoded path) and session tokens correctly', async () => {
    const withToken = createBedrockProvider(
      parseBedrockOptions({ region: 'us-east-1', endpoint: fake.url, credentials: { ...FAKE_BEDROCK_KEY, sessionToken: 'session-token' } }),
    );
    await withToken.converse(callOf(hello, { model: PROFILE_ARN }));
    assert.equal(fake.calls().at(-1)?.modelId, PROFILE_ARN);
    assert.equal(fake.calls().at(-1)?.headers['x-amz-security-token'], 'session-token');
  });

  it('is refused by the upstream when the credentials are wrong, with the upstream error kept', async () => {
    const wrong = createBedrockProvider(parseBedrockOptions({ region: 'us-east-1', endpoint: fake.url, credentials: { ...FAKE_BEDROCK_KEY, secretAccessKey: 'nope' } }));
    await rejectsWith(wrong.converse(callOf(hello, { model: MODEL })), { code: 'InvalidSignatureException', httpStatus: 403 });
  });

  it('keeps upstream AWS errors: code, status, message and modeled members', async () => {
    fake.enqueue(
      { kind: 'error', status: 400, code: 'ValidationException', message: 'The provided model identifier is invalid.' },
      { kind: 'error', status: 424, code: 'ModelErrorException', message: 'boom', members: { originalStatusCode: 500, resourceName: 'x' } },
      { kind: 'error', status: 429, code: 'ThrottlingException', message: 'Too many requests, please wait before trying again.' },
      { kind: 'error', status: 503, code: 'ServiceUnavailableException', message: 'Bedrock is unable to process your request.' },
    );
    await rejectsWith(provider.converse(callOf(hello)), { code: 'ValidationException', httpStatus: 400, message: /^The provided model identifier is invalid\.$/ });
    await rejectsWith(provider.converse(callOf(hello)), { code: 'ModelErrorException', httpStatus: 424, members: { originalStatusCode: 500, resourceName: 'x' } });
    await rejectsWith(collect(provider.converseStream(callOf(hello))), { code: 'ThrottlingException', httpStatus: 429 });
    await rejectsWith(provider.invokeRaw!(callOf(raw({ inputText: 'x' })))!, { code: 'ServiceUnavailableException', httpStatus: 503 });
  });

  it('decodes ConverseStream event frames, dropping padding and upstream metrics', async () => {
    fake.enqueue({ kind: 'converse', text: 'Two words', toolUse: { toolUseId: 'tu1', name: 'calc', input: { x: 1 } } });
    const events = await collect(provider.converseStream(callOf(hello, { model: MODEL })));
    assert.deepEqual(events, [
      { messageStart: { role: 'assistant' } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'Two ' } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'words' } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { contentBlockStart: { contentBlockIndex: 1, start: { toolUse: { toolUseId: 'tu1', name: 'calc' } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '{"x":1}' } } } },
      { contentBlockStop: { contentBlockIndex: 1 } },
      { messageStop: { stopReason: 'tool_use' } },
      { metadata: { usage: { inputTokens: 5, outputTokens: 4, totalTokens: 9 } } },
    ]);
    assert.equal(fake.calls().at(-1)?.headers.accept, 'application/vnd.amazon.eventstream');
  });

  it('rethrows in-stream exceptions as the same error, and a cut stream as ModelStreamErrorException', async () => {
    fake.enqueue({ kind: 'stream-exception', exceptionType: 'throttlingException', message: 'slow down' });
    await rejectsWith(collect(provider.converseStream(callOf(hello))), { code: 'ThrottlingException', httpStatus: 429, message: /^slow down$/ });
    fake.enqueue({ kind: 'stream-exception', exceptionType: 'modelStreamErrorException', message: 'bad', members: { originalStatusCode: 500, originalMessage: 'oops' } });
    await rejectsWith(collect(provider.converseStream(callOf(hello))), {
      code: 'ModelStreamErrorException',
      httpStatus: 424,
      members: { originalStatusCode: 500, originalMessage: 'oops' },
    });
    fake.enqueue({ kind: 'disconnect' });
    await rejectsWith(collect(provider.converseStream(callOf(hello))), { code: 'ModelStreamErrorException', httpStatus: 424 });
    fake.enqueue({ kind: 'hang' });
    await rejectsWith(collect(provider.converseStream(callOf(hello))), { code: 'ModelTimeoutException', httpStatus: 408 });
  });

  it('passes InvokeModel bodies through with usage from the token headers', async () => {
    const result = await provider.invokeRaw!(callOf(raw({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 5, messages: [] }), { model: MODEL }))!;
    assert.equal(result.contentType, 'application/json');
    assert.equal((JSON.parse(new TextDecoder().decode(result.body)) as { id: string }).id, 'msg_bdrk_01');
    assert.deepEqual(result.usage, { inputTokens: 8, outputTokens: 3, totalTokens: 11 });
    const call = fake.calls().at(-1);
    assert.equal(call?.operation, 'invoke');
    assert.equal(call?.headers.accept, 'application/json');
    assert.deepEqual(call?.body, { anthropic_version: 'bedrock-2023-05-31', max_tokens: 5, messages: [] });
  });

  it('passes stream chunks through untouched, with usage from amazon-bedrock-invocationMetrics', async () => {
    const chunks: RawStreamChunk[] = [];
    for await (const chunk of provider.invokeRawStream!(callOf(raw({ max_tokens: 5, messages: [] })))!) chunks.push(chunk);
    assert.equal(chunks.length, 4);
    const last = JSON.parse(new TextDecoder().decode(chunks[3]!.bytes)) as Record<string, unknown>;
    assert.equal(last.type, 'message_stop');
    assert.deepEqual(chunks[3]!.usage, { inputTokens: 8, outputTokens: 3, totalTokens: 11 });
    assert.ok(chunks.slice(0, 3).every((c) => c.usage === undefined));
    assert.equal(fake.calls().at(-1)?.headers['x-amzn-bedrock-accept'], 'application/json');
  });

  it('embeds with a Titan body', async () => {
    const result = await provider.embed!(callOf({ inputText: 'hello', dimensions: 256, normalize: true }, { model: 'amazon.titan-embed-text-v2:0' }));
    assert.equal(result.embedding.length, 256);
    assert.equal(result.inputTokens, 2);
    assert.deepEqual(fake.calls().at(-1)?.body, { inputText: 'hello', dimensions: 256, normalize: true });
  });

  it('answers ServiceUnavailableException when the upstream is not there', async () => {
    const gone = await startFakeBedrockRuntime();
    await gone.close();
    const unreachable = createBedrockProvider(parseBedrockOptions({ region: 'us-east-1', endpoint: gone.url, credentials: FAKE_BEDROCK_KEY }));
    await rejectsWith(unreachable.converse(callOf(hello)), { code: 'ServiceUnavailableException', httpStatus: 503 });
  });
});

describe('parseBedrockOptions', () => {
  it('defaults the endpoint from the region and names bad keys', () => {
    assert.deepEqual(parseBedrockOptions({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }), {
      region: 'eu-west-1',
      endpoint: 'https://bedrock-runtime.eu-west-1.amazonaws.com',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      timeoutMs: 60_000,
    });
    assert.throws(() => parseBedrockOptions({ credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }), /"region" is required/);
    assert.throws(() => parseBedrockOptions({ region: 'us-east-1' }), /"credentials" is required/);
    assert.throws(() => parseBedrockOptions({ region: 'us-east-1', credentials: { accessKeyId: 'a' } }), /"secretAccessKey" is required/);
    assert.throws(() => parseBedrockOptions({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b', token: 'c' } }), /unknown option "token"/);
  });
});

describe('the fake bedrock-runtime speaks what the AWS SDK speaks', () => {
  it('answers @aws-sdk/client-bedrock-runtime Converse, ConverseStream and in-stream exceptions', async () => {
    const { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand } = await import('@aws-sdk/client-bedrock-runtime');
    const { NodeHttpHandler } = await import('@smithy/node-http-handler');
    const fake = await startFakeBedrockRuntime();
    // The fake is HTTP/1.1; the client's default for bedrock-runtime is HTTP/2.
    const requestHandler = new NodeHttpHandler();
    const client = new BedrockRuntimeClient({ endpoint: fake.url, region: 'us-east-1', credentials: FAKE_BEDROCK_KEY, maxAttempts: 1, requestHandler });
    try {
      const answer = await client.send(new ConverseCommand({ modelId: PROFILE_ARN, messages: [{ role: 'user', content: [{ text: 'Hi' }] }] }));
      assert.equal(answer.output?.message?.content?.[0]?.text, 'Hello from fake Bedrock.');
      assert.equal(fake.calls().at(-1)?.modelId, PROFILE_ARN);

      const streamed = await client.send(new ConverseStreamCommand({ modelId: MODEL, messages: [{ role: 'user', content: [{ text: 'Hi' }] }] }));
      const names: string[] = [];
      for await (const event of streamed.stream ?? []) names.push(Object.keys(event).find((k) => (event as unknown as Record<string, unknown>)[k] !== undefined) ?? '?');
      assert.deepEqual(names.slice(0, 2), ['messageStart', 'contentBlockDelta']);
      assert.deepEqual(names.slice(-2), ['messageStop', 'metadata']);

      fake.enqueue({ kind: 'stream-exception', exceptionType: 'throttlingException', message: 'slow down' });
      const throttled = await client.send(new ConverseStreamCommand({ modelId: MODEL, messages: [{ role: 'user', content: [{ text: 'Hi' }] }] }));
      await assert.rejects(
        (async () => {
          for await (const _event of throttled.stream ?? []) void _event;
        })(),
        (error: unknown) => (error as { name?: string }).name === 'ThrottlingException',
      );

      fake.enqueue({ kind: 'error', status: 424, code: 'ModelErrorException', message: 'boom', members: { originalStatusCode: 500 } });
      await assert.rejects(
        client.send(new ConverseCommand({ modelId: MODEL, messages: [{ role: 'user', content: [{ text: 'Hi' }] }] })),
        (error: unknown) => (error as { name?: string; originalStatusCode?: number }).name === 'ModelErrorException' && (error as { originalStatusCode?: number }).originalStatusCode === 500,
      );
    } finally {
      client.destroy();
      await fake.close();
    }
  });
});
