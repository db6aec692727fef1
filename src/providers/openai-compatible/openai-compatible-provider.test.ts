import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFixedLatencyOpenAi } from '../../../test/fakes/fixed-latency-openai.js';
import { DEFAULT_REPLY_TEXT, startFakeOpenAiServer, type FakeOpenAiServer } from '../../../test/fakes/openai-compatible-server.js';
import type { ContentBlock, ConverseRequest } from '../converse-types.js';
import type { ModelProvider } from '../model-provider.js';
import { callOf, collect, eventNames, rejectsWith } from '../provider.test-support.js';
import { createOpenAiCompatibleProvider, parseOpenAiCompatibleOptions } from './index.js';

const hello: ConverseRequest = { messages: [{ role: 'user', content: [{ text: 'Hi' }] }] };

describe('openai-compatible provider against a fake Chat Completions server', () => {
  let fake: FakeOpenAiServer;
  let provider: ModelProvider;
  before(async () => {
    fake = await startFakeOpenAiServer();
    provider = createOpenAiCompatibleProvider(
      parseOpenAiCompatibleOptions({ baseUrl: fake.baseUrl, apiKey: 'sk-test', headers: { 'X-Extra': 'yes' }, timeoutMs: 300 }),
    );
  });
  after(() => fake.close());
  const lastBody = (): Record<string, unknown> => fake.chatRequests().at(-1)?.body as Record<string, unknown>;

  it('translates system, multi-turn, images, text documents and inference config', async () => {
    fake.enqueue({ kind: 'message', text: 'Sure.', usage: { prompt_tokens: 30, completion_tokens: 2 } });
    const result = await provider.converse(
      callOf<ConverseRequest>(
        {
          system: [{ text: 'Be brief.' }, { cachePoint: { type: 'default' } }, { text: 'Answer in English.' }],
          messages: [
            { role: 'user', content: [{ text: 'What is this?' }, { image: { format: 'png', source: { bytes: new Uint8Array([1, 2, 3]) } } }] },
            { role: 'assistant', content: [{ text: 'A picture.' }] },
            {
              role: 'user',
              content: [{ document: { format: 'md', name: 'notes', source: { bytes: new TextEncoder().encode('# Notes') } } }, { text: 'And this?' }],
            },
          ],
          inferenceConfig: { maxTokens: 50, temperature: 0.2, topP: 0.9, stopSequences: ['END'] },
          additionalModelRequestFields: { top_k: 5 },
        },
        { model: 'llama3.2' },
      ),
    );
    assert.deepEqual(result, {
      message: { role: 'assistant', content: [{ text: 'Sure.' }] },
      stopReason: 'end_turn',
      usage: { inputTokens: 30, outputTokens: 2, totalTokens: 32 },
    });
    const request = fake.chatRequests().at(-1);
    assert.equal(request?.headers.authorization, 'Bearer sk-test');
    assert.equal(request?.headers['x-extra'], 'yes');
    assert.deepEqual(request?.body, {
      top_k: 5,
      model: 'llama3.2',
      messages: [
        { role: 'system', content: 'Be brief.\nAnswer in English.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,AQID' } },
          ],
        },
        { role: 'assistant', content: 'A picture.' },
        { role: 'user', content: '<document name="notes">\n# Notes\n</document>\nAnd this?' },
      ],
      max_tokens: 50,
      temperature: 0.2,
      top_p: 0.9,
      stop: ['END'],
    });
  });

  it('maps tools, tool choice, tool calls and tool results both ways', async () => {
    fake.enqueue({ kind: 'message', toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Oslo"}' }] });
    const toolConfig = {
      tools: [{ toolSpec: { name: 'get_weather', description: 'Weather', inputSchema: { json: { type: 'object' } } } }],
      toolChoice: { tool: { name: 'get_weather' } },
    };
    const first = await provider.converse(callOf<ConverseRequest>({ ...hello, toolConfig }));
    assert.equal(first.stopReason, 'tool_use');
    assert.deepEqual(first.message.content, [{ toolUse: { toolUseId: 'call_1', name: 'get_weather', input: { city: 'Oslo' } } }]);
    assert.deepEqual(lastBody().tools, [{ type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object' } } }]);
    assert.deepEqual(lastBody().tool_choice, { type: 'function', function: { name: 'get_weather' } });

    await provider.converse(
      callOf<ConverseRequest>({
        messages: [
          hello.messages![0]!,
          { role: 'assistant', content: [{ text: 'Checking.' }, { toolUse: { toolUseId: 'call_1', name: 'get_weather', input: { city: 'Oslo' } } }] },
          {
            role: 'user',
            content: [{ toolResult: { toolUseId: 'call_1', content: [{ json: { temp: 3 } }, { text: 'cloudy' }] } }, { text: 'Thanks' }],
          },
        ],
        toolConfig: { ...toolConfig, toolChoice: { any: {} } },
      }),
    );
    assert.equal(lastBody().tool_choice, 'required');
    assert.deepEqual((lastBody().messages as unknown[]).slice(1), [
      {
        role: 'assistant',
        content: 'Checking.',
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '{"temp":3}\ncloudy' },
      { role: 'user', content: 'Thanks' },
    ]);

    const onlyCachePoint = { tools: [{ cachePoint: { type: 'default' as const } }], toolChoice: { auto: {} } };
    await provider.converse(callOf<ConverseRequest>({ ...hello, toolConfig: onlyCachePoint }));
    assert.equal(lastBody().tools, undefined, 'no empty tools list');
    assert.equal(lastBody().tool_choice, undefined);
  });

  it('maps finish reasons, cached tokens, reasoning, absent usage and broken tool arguments', async () => {
    fake.enqueue(
      { kind: 'message', text: 'cut', finishReason: 'length', usage: { prompt_tokens: 100, completion_tokens: 5, cached_tokens: 60 } },
      { kind: 'message', text: '', finishReason: 'content_filter', usage: null },
      { kind: 'message', text: 'x', reasoning: 'thinking...' },
      { kind: 'message', toolCalls: [{ id: 'c', name: 't', arguments: '{"broken' }] },
    );
    const length = await provider.converse(callOf(hello));
    assert.equal(length.stopReason, 'max_tokens');
    assert.deepEqual(length.usage, { inputTokens: 40, outputTokens: 5, totalTokens: 105, cacheReadInputTokens: 60 });
    const filtered = await provider.converse(callOf(hello));
    assert.equal(filtered.stopReason, 'content_filtered');
    assert.equal(filtered.usage, undefined, 'no usage reported means no usage, never zeros');
    const reasoning = await provider.converse(callOf(hello));
    assert.deepEqual(reasoning.message.content, [{ reasoningContent: { reasoningText: { text: 'thinking...' } } }, { text: 'x' }]);
    const broken = await provider.converse(callOf(hello));
    assert.equal(broken.stopReason, 'malformed_tool_use');
  });

  it('refuses content Chat Completions cannot carry with ValidationException', async () => {
    const pdf = { document: { format: 'pdf', name: 'paper', source: { bytes: new Uint8Array([37, 80, 68, 70]) } } };
    await rejectsWith(provider.converse(callOf<ConverseRequest>({ messages: [{ role: 'user', content: [pdf] }] })), {
      code: 'ValidationException',
      httpStatus: 400,
      message: /only text documents/,
    });
    const video = { video: { format: 'mp4', source: { bytes: new Uint8Array([0]) } } } as unknown as ContentBlock;
    await rejectsWith(provider.converse(callOf<ConverseRequest>({ messages: [{ role: 'user', content: [video] }] })), {
      code: 'ValidationException',
      httpStatus: 400,
      message: /does not support video content blocks/,
    });
    const s3Image = { image: { format: 'png' as const, source: { s3Location: { uri: 's3://b/k.png' } } } };
    await rejectsWith(provider.converse(callOf<ConverseRequest>({ messages: [{ role: 'user', content: [s3Image] }] })), {
      code: 'ValidationException',
      httpStatus: 400,
    });
  });

  it('streams text as deltas with usage in metadata, in Bedrock event order', async () => {
    fake.enqueue({ kind: 'message', text: 'One two three', usage: { prompt_tokens: 4, completion_tokens: 3 } });
    const events = await collect(provider.converseStream(callOf(hello)));
    assert.deepEqual(events, [
      { messageStart: { role: 'assistant' } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'One ' } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'two ' } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'three' } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { messageStop: { stopReason: 'end_turn' } },
      { metadata: { usage: { inputTokens: 4, outputTokens: 3, totalTokens: 7 } } },
    ]);
    assert.equal(lastBody().stream, true);
    assert.deepEqual(lastBody().stream_options, { include_usage: true });
  });

  it('streams tool calls as contentBlockStart plus partial-JSON deltas', async () => {
    fake.enqueue({ kind: 'message', text: 'Let me look.', toolCalls: [{ id: 'call_9', name: 'lookup', arguments: '{"q":"cats"}' }] });
    const events = await collect(provider.converseStream(callOf(hello)));
    assert.deepEqual(eventNames(events), [
      'messageStart',
      'contentBlockDelta',
      'contentBlockDelta',
      'contentBlockDelta',
      'contentBlockStop',
      'contentBlockStart',
      'contentBlockDelta',
      'contentBlockDelta',
      'contentBlockStop',
      'messageStop',
      'metadata',
    ]);
    assert.deepEqual(events[5], { contentBlockStart: { contentBlockIndex: 1, start: { toolUse: { toolUseId: 'call_9', name: 'lookup' } } } });
    const input = events
      .slice(6, 8)
      .map((e) => ('contentBlockDelta' in e ? e.contentBlockDelta.delta.toolUse?.input : ''))
      .join('');
    assert.equal(input, '{"q":"cats"}');
    assert.deepEqual(events[9], { messageStop: { stopReason: 'tool_use' } });
  });

  it('replays a JSON answer as a stream when the server ignored stream: true', async () => {
    fake.enqueue({ kind: 'message', text: 'Whole', ignoreStream: true, toolCalls: [{ id: 'c1', name: 'f', arguments: '{"a":1}' }] });
    const events = await collect(provider.converseStream(callOf(hello)));
    assert.deepEqual(events, [
      { messageStart: { role: 'assistant' } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'Whole' } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { contentBlockStart: { contentBlockIndex: 1, start: { toolUse: { toolUseId: 'c1', name: 'f' } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '{"a":1}' } } } },
      { contentBlockStop: { contentBlockIndex: 1 } },
      { messageStop: { stopReason: 'tool_use' } },
      { metadata: { usage: { inputTokens: 11, outputTokens: 7, totalTokens: 18 } } },
    ]);
  });

  it('returns additionalModelResponseFieldPaths from the raw answer', async () => {
    const result = await provider.converse(callOf<ConverseRequest>({ ...hello, additionalModelResponseFieldPaths: ['/id', '/system_fingerprint'] }));
    assert.deepEqual(result.additionalModelResponseFields, { id: 'chatcmpl-fake' });
  });

  it('streams without usage when the server sends none (and when asked not to request it)', async () => {
    fake.enqueue({ kind: 'message', text: 'Hi', usage: null });
    const events = await collect(provider.converseStream(callOf(hello)));
    assert.deepEqual(events.at(-1), { metadata: {} });
    const quiet = createOpenAiCompatibleProvider(parseOpenAiCompatibleOptions({ baseUrl: fake.baseUrl, streamUsage: false }));
    const again = await collect(quiet.converseStream(callOf(hello)));
    assert.equal(lastBody().stream_options, undefined);
    assert.deepEqual(again.at(-1), { metadata: {} });
  });

  it('yields messageStart first, and stopping early cancels the upstream stream', async () => {
    const slow = await startFakeOpenAiServer();
    try {
      const stream = createOpenAiCompatibleProvider(parseOpenAiCompatibleOptions({ baseUrl: slow.baseUrl })).converseStream(callOf(hello));
      const iterator = stream[Symbol.asyncIterator]();
      assert.deepEqual((await iterator.next()).value, { messageStart: { role: 'assistant' } });
      await iterator.return?.();
    } finally {
      await slow.close();
    }
  });

  it('maps upstream statuses to Bedrock errors', async () => {
    const cases: [number, string, number, Record<string, unknown>?][] = [
      [429, 'ThrottlingException', 429],
      [400, 'ValidationException', 400],
      [401, 'ModelErrorException', 424, { originalStatusCode: 401, resourceName: 'test-model' }],
      [403, 'ModelErrorException', 424, { originalStatusCode: 403 }],
      [404, 'ModelErrorException', 424, { originalStatusCode: 404 }],
      [500, 'ModelErrorException', 424, { originalStatusCode: 500, resourceName: 'test-model' }],
      [503, 'ServiceUnavailableException', 503],
    ];
    for (const [status, code, httpStatus, members] of cases) {
      fake.enqueue({ kind: 'status', status, body: JSON.stringify({ error: { message: `upstream says ${status}` } }) });
      await rejectsWith(provider.converse(callOf(hello)), { code, httpStatus, ...(members === undefined ? {} : { members }) });
    }
    fake.enqueue({ kind: 'status', status: 400, body: '{"error":{"message":"context length exceeded"}}' });
    await rejectsWith(provider.converse(callOf(hello)), { code: 'ValidationException', httpStatus: 400, message: /^context length exceeded$/ });
    fake.enqueue({ kind: 'status', status: 429, body: 'slow down' });
    await rejectsWith(collect(provider.converseStream(callOf(hello))), { code: 'ThrottlingException', httpStatus: 429 });
  });

  it('maps malformed bodies, timeouts, refused connections and mid-stream failures', async () => {
    fake.enqueue({ kind: 'malformed' });
    await rejectsWith(provider.converse(callOf(hello)), { code: 'ModelErrorException', httpStatus: 424 });
    fake.enqueue({ kind: 'hang' });
    await rejectsWith(provider.converse(callOf(hello)), { code: 'ModelTimeoutException', httpStatus: 408 });
    fake.enqueue({ kind: 'disconnect' });
    await rejectsWith(provider.converse(callOf(hello)), { code: 'ServiceUnavailableException', httpStatus: 503 });
    fake.enqueue({ kind: 'disconnect', afterChunks: 2 });
    await rejectsWith(collect(provider.converseStream(callOf(hello))), { code: 'ModelStreamErrorException', httpStatus: 424 });
    fake.enqueue({ kind: 'stream-error', message: 'GPU fell over' });
    await rejectsWith(collect(provider.converseStream(callOf(hello))), {
      code: 'ModelStreamErrorException',
      httpStatus: 424,
      members: { originalMessage: 'GPU fell over' },
    });
    fake.enqueue({ kind: 'malformed' });
    await rejectsWith(collect(provider.converseStream(callOf(hello))), { code: 'ModelStreamErrorException', httpStatus: 424 });

    const gone = await startFakeOpenAiServer();
    await gone.close();
    const unreachable = createOpenAiCompatibleProvider(parseOpenAiCompatibleOptions({ baseUrl: gone.baseUrl }));
    await rejectsWith(unreachable.converse(callOf(hello)), { code: 'ServiceUnavailableException', httpStatus: 503, message: /ECONNREFUSED/ });
  });

  it("stops on the caller's abort, rethrowing the caller's reason", async () => {
    fake.enqueue({ kind: 'hang' });
    const controller = new AbortController();
    const reason = new Error('caller went away');
    const pending = provider.converse(callOf(hello, { signal: controller.signal }));
    setTimeout(() => controller.abort(reason), 20);
    await assert.rejects(pending, (error) => error === reason);
  });

  it('times out on silence only: a slow stream that keeps producing is not cut', async () => {
    // timeoutMs is 300: each chunk comes within it, the whole stream takes longer.
    fake.enqueue({ kind: 'message', text: 'a b c d e f', chunkDelayMs: 80 });
    const events = await collect(provider.converseStream(callOf(hello)));
    const text = events.map((e) => ('contentBlockDelta' in e ? e.contentBlockDelta.delta.text ?? '' : '')).join('');
    assert.equal(text, 'a b c d e f');
  });

  it('does not count a slow consumer against the backend timeout', async () => {
    const strict = createOpenAiCompatibleProvider(parseOpenAiCompatibleOptions({ baseUrl: fake.baseUrl, timeoutMs: 50 }));
    fake.enqueue({ kind: 'message', text: 'one two three' });
    const names: string[] = [];
    for await (const event of strict.converseStream(callOf(hello))) {
      names.push(...eventNames([event]));
      await new Promise((resolve) => setTimeout(resolve, 30)); // 7 events x 30 ms: well past 50 ms in total
    }
    assert.equal(names.at(-1), 'metadata');
  });

  it("stops a stream mid-way on the caller's abort", async () => {
    fake.enqueue({ kind: 'message', text: 'one two three four five six', chunkDelayMs: 50 });
    const controller = new AbortController();
    const reason = new Error('caller hung up');
    const seen: string[] = [];
    await assert.rejects(
      (async () => {
        for await (const event of provider.converseStream(callOf(hello, { signal: controller.signal }))) {
          seen.push(...eventNames([event]));
          if (seen.length === 2) controller.abort(reason);
        }
      })(),
      (error) => error === reason,
    );
    assert.deepEqual(seen, ['messageStart', 'contentBlockDelta']);
  });

  it('embeds through /embeddings, passing dimensions and normalising on request', async () => {
    assert.ok(provider.embed !== undefined);
    const plain = await provider.embed(callOf({ inputText: 'hello world', dimensions: 4 }, { model: 'nomic-embed-text' }));
    const embedRequest = fake.requests.at(-1);
    assert.equal(embedRequest?.path, '/v1/embeddings');
    assert.deepEqual(embedRequest?.body, { model: 'nomic-embed-text', input: 'hello world', encoding_format: 'float', dimensions: 4 });
    assert.deepEqual(plain, { embedding: [4, 5, 6, 0], inputTokens: 2 });
    const unit = await provider.embed(callOf({ inputText: 'hello world', dimensions: 4, normalize: true }));
    assert.ok(Math.abs(Math.hypot(...unit.embedding) - 1) < 1e-9);
    const without = createOpenAiCompatibleProvider(parseOpenAiCompatibleOptions({ baseUrl: fake.baseUrl, embeddings: false }));
    assert.equal(without.embed, undefined);
  });
});

describe('openai-compatible provider, other server setups', () => {
  it('sends max_completion_tokens when configured (OpenAI reasoning models)', async () => {
    const fake = await startFakeOpenAiServer();
    try {
      const provider = createOpenAiCompatibleProvider(parseOpenAiCompatibleOptions({ baseUrl: fake.baseUrl, maxTokensField: 'max_completion_tokens' }));
      await provider.converse(callOf<ConverseRequest>({ ...hello, inferenceConfig: { maxTokens: 9 } }));
      const body = fake.chatRequests().at(-1)?.body as Record<string, unknown>;
      assert.equal(body.max_completion_tokens, 9);
      assert.equal(body.max_tokens, undefined);
      assert.equal(fake.chatRequests().at(-1)?.headers.authorization, undefined, 'no key configured, no Authorization header');
    } finally {
      await fake.close();
    }
  });

  it('works against the fixed-latency benchmark upstream, which keeps no request log', async () => {
    const upstream = await startFixedLatencyOpenAi(5);
    try {
      const provider = createOpenAiCompatibleProvider(parseOpenAiCompatibleOptions({ baseUrl: upstream.baseUrl }));
      const result = await provider.converse(callOf(hello));
      assert.deepEqual(result.message.content, [{ text: DEFAULT_REPLY_TEXT }]);
      const events = await collect(provider.converseStream(callOf(hello)));
      assert.equal(eventNames(events).at(-1), 'metadata');
      assert.equal(upstream.requests.length, 0);
    } finally {
      await upstream.close();
    }
  });
});

describe('parseOpenAiCompatibleOptions', () => {
  it('fills defaults and names bad keys', () => {
    assert.deepEqual(parseOpenAiCompatibleOptions({ kind: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1/' }), {
      baseUrl: 'http://127.0.0.1:11434/v1',
      headers: {},
      timeoutMs: 60_000,
      maxTokensField: 'max_tokens',
      streamUsage: true,
      embeddings: true,
    });
    assert.throws(() => parseOpenAiCompatibleOptions({}), /"baseUrl" is required/);
    assert.throws(() => parseOpenAiCompatibleOptions({ baseUrl: 'ftp://x' }), /"baseUrl" must be an http/);
    assert.throws(() => parseOpenAiCompatibleOptions({ baseUrl: 'http://x', timeoutMs: -1 }), /"timeoutMs"/);
    assert.throws(() => parseOpenAiCompatibleOptions({ baseUrl: 'http://x', apikey: 'k' }), /unknown option "apikey"/);
    assert.throws(() => parseOpenAiCompatibleOptions({ baseUrl: 'http://x', headers: { a: 1 } }), /"headers.a"/);
    assert.throws(() => parseOpenAiCompatibleOptions('nope'), /must be a JSON object/);
  });
});
