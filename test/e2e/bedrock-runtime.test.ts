import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ConverseCommand,
  ConverseStreamCommand,
  CountTokensCommand,
  ModelErrorException,
  ThrottlingException,
  ValidationException,
  type ConverseStreamOutput,
  type Message,
} from '@aws-sdk/client-bedrock-runtime';
import { FAILING, GATEWAY_CONFIG, HAIKU, QUOTA_LIMITED, SLOW, THROTTLING } from './bedrock-helpers.js';
import { startServer, type RunningServer } from './harness.js';

const hello: Message[] = [{ role: 'user', content: [{ text: 'Hello, gateway' }] }];

async function events(stream: AsyncIterable<ConverseStreamOutput> | undefined): Promise<ConverseStreamOutput[]> {
  const out: ConverseStreamOutput[] = [];
  for await (const event of stream ?? []) out.push(event);
  return out;
}

describe('Bedrock runtime: Converse and ConverseStream through @aws-sdk/client-bedrock-runtime', { timeout: 120_000 }, () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ config: GATEWAY_CONFIG });
  });
  after(async () => server.stop());

  for (const transport of ['HTTP/2 (default handler)', 'HTTP/1.1 (NodeHttpHandler)'] as const) {
    const http1 = transport.startsWith('HTTP/1.1');

    test(`Converse over ${transport}: a deterministic answer with usage and latency`, async () => {
      const client = server.bedrockRuntime({ http1 });
      const first = await client.send(new ConverseCommand({ modelId: HAIKU, messages: hello, inferenceConfig: { maxTokens: 100 } }));
      const again = await client.send(new ConverseCommand({ modelId: HAIKU, messages: hello, inferenceConfig: { maxTokens: 100 } }));
      assert.equal(first.$metadata.httpStatusCode, 200);
      assert.match(first.$metadata.requestId ?? '', /^[0-9a-f-]{36}$/);
      assert.equal(first.output?.message?.role, 'assistant');
      const text = first.output?.message?.content?.[0]?.text ?? '';
      assert.equal(text.split(' ').length, 12);
      assert.equal(text, again.output?.message?.content?.[0]?.text);
      assert.equal(first.stopReason, 'end_turn');
      assert.equal(first.usage?.outputTokens, 12);
      assert.equal(first.usage?.totalTokens, (first.usage?.inputTokens ?? 0) + 12);
      assert.equal(typeof first.metrics?.latencyMs, 'number');
    });

    test(`ConverseStream over ${transport}: events in Bedrock's order, text equal to Converse's`, async () => {
      const client = server.bedrockRuntime({ http1 });
      const whole = await client.send(new ConverseCommand({ modelId: HAIKU, messages: hello }));
      const response = await client.send(new ConverseStreamCommand({ modelId: HAIKU, messages: hello }));
      const seen = await events(response.stream);
      assert.deepEqual(seen[0], { messageStart: { role: 'assistant' } });
      const text = seen.flatMap((e) => (e.contentBlockDelta?.delta?.text === undefined ? [] : [e.contentBlockDelta.delta.text])).join('');
      assert.equal(text, whole.output?.message?.content?.[0]?.text);
      assert.deepEqual(seen.at(-3), { contentBlockStop: { contentBlockIndex: 0 } });
      assert.deepEqual(seen.at(-2), { messageStop: { stopReason: 'end_turn' } });
      const metadata = seen.at(-1)?.metadata;
      assert.deepEqual(metadata?.usage, whole.usage);
      assert.equal(typeof metadata?.metrics?.latencyMs, 'number');
    });
  }

  test('inference-profile ids and model ARNs resolve to the configured model', async () => {
    const client = server.bedrockRuntime();
    const plain = await client.send(new ConverseCommand({ modelId: HAIKU, messages: hello }));
    for (const modelId of [
      `us.${HAIKU}`,
      `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`,
      `arn:aws:bedrock:us-east-1:000000000000:inference-profile/us.${HAIKU}`,
    ]) {
      const answer = await client.send(new ConverseCommand({ modelId, messages: hello }));
      assert.deepEqual(answer.output, plain.output, modelId);
    }
  });

  test('tools offered: a toolUse block, streamed as contentBlockStart + partial JSON', async () => {
    const client = server.bedrockRuntime();
    const toolConfig = {
      tools: [{ toolSpec: { name: 'get_weather', inputSchema: { json: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } } }],
    };
    const answer = await client.send(new ConverseCommand({ modelId: HAIKU, messages: hello, toolConfig }));
    assert.equal(answer.stopReason, 'tool_use');
    const toolUse = answer.output?.message?.content?.[0]?.toolUse;
    assert.equal(toolUse?.name, 'get_weather');
    assert.equal(typeof (toolUse?.input as { city?: unknown }).city, 'string');
    const streamed = await events((await client.send(new ConverseStreamCommand({ modelId: HAIKU, messages: hello, toolConfig }))).stream);
    assert.deepEqual(streamed[1]?.contentBlockStart?.start?.toolUse, { toolUseId: toolUse?.toolUseId, name: 'get_weather' });
    const json = streamed.flatMap((e) => (e.contentBlockDelta?.delta?.toolUse?.input === undefined ? [] : [e.contentBlockDelta.delta.toolUse.input])).join('');
    assert.deepEqual(JSON.parse(json), toolUse?.input);
  });

  test('CountTokens counts what Converse reports as input tokens', async () => {
    const client = server.bedrockRuntime();
    const counted = await client.send(new CountTokensCommand({ modelId: HAIKU, input: { converse: { messages: hello } } }));
    const answer = await client.send(new ConverseCommand({ modelId: HAIKU, messages: hello }));
    assert.equal(counted.inputTokens, answer.usage?.inputTokens);
    const body = new TextEncoder().encode(JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 5, messages: [{ role: 'user', content: 'Hello, gateway' }] }));
    const fromBody = await client.send(new CountTokensCommand({ modelId: HAIKU, input: { invokeModel: { body } } }));
    assert.equal(fromBody.inputTokens, counted.inputTokens);
  });

  test('an unknown model is ValidationException 400', async () => {
    const client = server.bedrockRuntime();
    await assert.rejects(client.send(new ConverseCommand({ modelId: 'acme.unknown-model-v1', messages: hello })), (error: unknown) => {
      assert.ok(error instanceof ValidationException);
      assert.equal(error.$metadata.httpStatusCode, 400);
      assert.equal(error.message, 'The provided model identifier is invalid.');
      return true;
    });
  });

  test('model constraints are checked: maxTokens 0, a bad role, a missing content', async () => {
    const client = server.bedrockRuntime();
    await assert.rejects(client.send(new ConverseCommand({ modelId: HAIKU, messages: hello, inferenceConfig: { maxTokens: 0 } })), (error: unknown) => {
      assert.ok(error instanceof ValidationException);
      assert.equal(error.message, "1 validation error detected: Value '0' at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must have value greater than or equal to 1");
      return true;
    });
    await assert.rejects(
      client.send(new ConverseCommand({ modelId: HAIKU, messages: [{ role: 'robot' as 'user', content: [{ text: 'x' }] }] })),
      (error: unknown) => error instanceof ValidationException && /Member must satisfy enum value set/.test(error.message),
    );
  });

  test('a backend error is ModelErrorException 424; mid-stream it is an in-stream modelStreamErrorException', async () => {
    const client = server.bedrockRuntime();
    await assert.rejects(client.send(new ConverseCommand({ modelId: FAILING, messages: hello })), (error: unknown) => {
      assert.ok(error instanceof ModelErrorException);
      assert.equal(error.$metadata.httpStatusCode, 424);
      assert.equal(error.originalStatusCode, 500);
      return true;
    });
    const response = await client.send(new ConverseStreamCommand({ modelId: FAILING, messages: hello }));
    assert.equal(response.$metadata.httpStatusCode, 200);
    const seen: ConverseStreamOutput[] = [];
    await assert.rejects(async () => {
      for await (const event of response.stream ?? []) seen.push(event);
    }, (error: unknown) => (error as Error).name === 'ModelStreamErrorException');
    assert.deepEqual(seen[0], { messageStart: { role: 'assistant' } });
    assert.ok(seen.some((e) => e.contentBlockDelta !== undefined), 'content arrived before the failure');
  });

  test('a throttling backend and a full per-model quota are ThrottlingException 429, also for streams', async () => {
    const client = server.bedrockRuntime();
    const isThrottle = (error: unknown): boolean => error instanceof ThrottlingException && error.$metadata.httpStatusCode === 429;
    await assert.rejects(client.send(new ConverseCommand({ modelId: THROTTLING, messages: hello })), isThrottle);
    await assert.rejects(client.send(new ConverseStreamCommand({ modelId: THROTTLING, messages: hello })), isThrottle);
    await client.send(new ConverseCommand({ modelId: QUOTA_LIMITED, messages: hello }));
    await client.send(new ConverseCommand({ modelId: QUOTA_LIMITED, messages: hello }));
    await assert.rejects(client.send(new ConverseCommand({ modelId: QUOTA_LIMITED, messages: hello })), (error: unknown) => {
      assert.ok(isThrottle(error));
      assert.equal((error as Error).message, 'Too many requests, please wait before trying again.');
      return true;
    });
  });

  test('Converse refuses embedding and image models, and system roles inside messages', async () => {
    const client = server.bedrockRuntime();
    await assert.rejects(client.send(new ConverseCommand({ modelId: 'amazon.titan-embed-text-v2:0', messages: hello })), (error: unknown) =>
      error instanceof ValidationException && /doesn't support the model/.test(error.message));
    await assert.rejects(client.send(new ConverseCommand({ modelId: HAIKU, messages: [{ role: 'system' as 'user', content: [{ text: 'x' }] }] })), ValidationException);
  });

  for (const http1 of [false, true]) {
    test(`a client that walks away from a stream (${http1 ? 'HTTP/1.1' : 'HTTP/2'}) leaves the server serving`, async () => {
      const client = server.bedrockRuntime({ http1 });
      const abort = new AbortController();
      const response = await client.send(new ConverseStreamCommand({ modelId: SLOW, messages: hello }), { abortSignal: abort.signal });
      const seen: ConverseStreamOutput[] = [];
      // HTTP/1.1 rejects the iteration with an AbortError; over HTTP/2 the SDK just ends it. Either way it stops.
      try {
        for await (const event of response.stream ?? []) {
          seen.push(event);
          if (event.contentBlockDelta !== undefined) abort.abort();
        }
      } catch (error) {
        assert.match(String(error), /abort/i);
      }
      assert.deepEqual(seen[0], { messageStart: { role: 'assistant' } });
      assert.ok(seen.length < 10, 'the stream ended when the client left, long before its 200 tokens');
      const after = await server.bedrockRuntime({ http1 }).send(new ConverseCommand({ modelId: HAIKU, messages: hello }));
      assert.equal(after.stopReason, 'end_turn');
      assert.doesNotMatch(server.output(), /event stream failed|unexpected failure/);
    });
  }
});
