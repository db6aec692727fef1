import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFakeAnthropicServer, type FakeAnthropicServer } from '../../../test/fakes/anthropic-server.js';
import type { ContentBlock, ConverseRequest } from '../converse-types.js';
import type { ModelProvider, RawInvokeRequest, RawStreamChunk } from '../model-provider.js';
import { callOf, collect, eventNames, rejectsWith } from '../provider.test-support.js';
import { createAnthropicProvider, parseAnthropicOptions } from './index.js';

const MODEL = 'claude-3-5-haiku-20241022';
const hello: ConverseRequest = { messages: [{ role: 'user', content: [{ text: 'Hi' }] }] };
const json = (value: unknown): RawInvokeRequest => ({
  body: new TextEncoder().encode(JSON.stringify(value)),
  contentType: 'application/json',
  accept: 'application/json',
});

describe('anthropic provider against a fake Messages API', () => {
  let fake: FakeAnthropicServer;
  let provider: ModelProvider;
  before(async () => {
    fake = await startFakeAnthropicServer({ apiKey: 'sk-ant-test' });
    provider = createAnthropicProvider(
      parseAnthropicOptions({ baseUrl: fake.url, apiKey: 'sk-ant-test', timeoutMs: 300, defaultMaxTokens: 256, headers: { 'Anthropic-Beta': 'configured-beta' } }),
    );
  });
  after(() => fake.close());
  const last = () => fake.messageRequests().at(-1);

  it('translates system (with cache points), images, documents, tools and inference config', async () => {
    await provider.converse(
      callOf<ConverseRequest>(
        {
          system: [{ text: 'You are terse.' }, { cachePoint: { type: 'default' } }],
          messages: [
            {
              role: 'user',
              content: [
                { text: 'Look' },
                { image: { format: 'jpeg', source: { bytes: new Uint8Array([255, 216]) } } },
                { document: { format: 'pdf', name: 'paper', source: { bytes: new Uint8Array([37, 80]) } } },
                { document: { format: 'txt', name: 'notes', source: { text: 'plain notes' } } },
              ],
            },
            {
              role: 'assistant',
              content: [
                { reasoningContent: { reasoningText: { text: 'hmm', signature: 'sig1' } } },
                { toolUse: { toolUseId: 'tu_1', name: 'search', input: { q: 'x' } } },
              ],
            },
            { role: 'user', content: [{ toolResult: { toolUseId: 'tu_1', status: 'error', content: [{ text: 'not found' }, { json: { code: 404 } }] } }] },
          ],
          inferenceConfig: { temperature: 0.5, topP: 0.8, stopSequences: ['STOP'] },
          toolConfig: { tools: [{ toolSpec: { name: 'search', inputSchema: { json: { type: 'object' } } } }, { cachePoint: { type: 'default' } }], toolChoice: { any: {} } },
          additionalModelRequestFields: { top_k: 3, anthropic_beta: ['interleaved-thinking-2025-05-14'] },
        },
        { model: MODEL },
      ),
    );
    const request = last();
    assert.equal(request?.headers['x-api-key'], 'sk-ant-test');
    assert.equal(request?.headers['anthropic-version'], '2023-06-01');
    assert.equal(request?.headers['anthropic-beta'], 'configured-beta,interleaved-thinking-2025-05-14');
    assert.deepEqual(request?.body, {
      top_k: 3,
      model: MODEL,
      max_tokens: 256,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Look' },
            { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: '/9g=' } },
            { type: 'document', title: 'paper', source: { type: 'base64', media_type: 'application/pdf', data: 'JVA=' } },
            { type: 'document', title: 'notes', source: { type: 'text', media_type: 'text/plain', data: 'plain notes' } },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'hmm', signature: 'sig1' },
            { type: 'tool_use', id: 'tu_1', name: 'search', input: { q: 'x' } },
          ],
        },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 'tu_1',
              is_error: true,
              content: [
                { type: 'text', text: 'not found' },
                { type: 'text', text: '{"code":404}' },
              ],
            },
          ],
        },
      ],
      system: [{ type: 'text', text: 'You are terse.', cache_control: { type: 'ephemeral' } }],
      temperature: 0.5,
      top_p: 0.8,
      stop_sequences: ['STOP'],
      tools: [{ name: 'search', input_schema: { type: 'object' }, cache_control: { type: 'ephemeral' } }],
      tool_choice: { type: 'any' },
    });
  });

  it('maps content, stop reasons and usage with cache tokens', async () => {
    fake.enqueue({
      kind: 'message',
      content: [
        { type: 'thinking', thinking: 'Let me think', signature: 'sig' },
        { type: 'text', text: 'Calling a tool.' },
        { type: 'tool_use', id: 'toolu_1', name: 'lookup', input: { id: 7 } },
      ],
      usage: { input_tokens: 10, output_tokens: 20, cache_read_input_tokens: 100, cache_creation_input_tokens: 5 },
    });
    const result = await provider.converse(callOf(hello, { model: MODEL }));
    assert.deepEqual(result, {
      message: {
        role: 'assistant',
        content: [
          { reasoningContent: { reasoningText: { text: 'Let me think', signature: 'sig' } } },
          { text: 'Calling a tool.' },
          { toolUse: { toolUseId: 'toolu_1', name: 'lookup', input: { id: 7 } } },
        ],
      },
      stopReason: 'tool_use',
      usage: { inputTokens: 10, outputTokens: 20, totalTokens: 135, cacheReadInputTokens: 100, cacheWriteInputTokens: 5 },
    });
    const fields = await provider.converse(callOf<ConverseRequest>({ ...hello, additionalModelResponseFieldPaths: ['/stop_sequence', '/id'] }));
    assert.deepEqual(fields.additionalModelResponseFields, { stop_sequence: null, id: 'msg_fake01' });
    for (const [wire, converse] of [
      ['max_tokens', 'max_tokens'],
      ['stop_sequence', 'stop_sequence'],
      ['refusal', 'content_filtered'],
      ['end_turn', 'end_turn'],
    ] as const) {
      fake.enqueue({ kind: 'message', content: [{ type: 'text', text: '.' }], stopReason: wire });
      assert.equal((await provider.converse(callOf(hello))).stopReason, converse, wire);
    }
  });

  it('streams text, thinking and tool input in Bedrock event order with merged usage', async () => {
    fake.enqueue({
      kind: 'message',
      content: [
        { type: 'thinking', thinking: 'pondering', signature: 'sg' },
        { type: 'text', text: 'Hi there' },
        { type: 'tool_use', id: 'toolu_2', name: 'calc', input: { a: 1 } },
      ],
      usage: { input_tokens: 9, output_tokens: 14, cache_read_input_tokens: 3 },
    });
    const events = await collect(provider.converseStream(callOf(hello)));
    assert.deepEqual(events, [
      { messageStart: { role: 'assistant' } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { text: 'pondering' } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { signature: 'sg' } } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { text: 'Hi ' } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { text: 'there' } } },
      { contentBlockStop: { contentBlockIndex: 1 } },
      { contentBlockStart: { contentBlockIndex: 2, start: { toolUse: { toolUseId: 'toolu_2', name: 'calc' } } } },
      { contentBlockDelta: { contentBlockIndex: 2, delta: { toolUse: { input: '{"a"' } } } },
      { contentBlockDelta: { contentBlockIndex: 2, delta: { toolUse: { input: ':1}' } } } },
      { contentBlockStop: { contentBlockIndex: 2 } },
      { messageStop: { stopReason: 'tool_use' } },
      { metadata: { usage: { inputTokens: 9, outputTokens: 14, totalTokens: 26, cacheReadInputTokens: 3 } } },
    ]);
    assert.equal((last()?.body as { stream?: unknown }).stream, true);
  });

  it('passes Bedrock Anthropic InvokeModel bodies through, rewritten for the Messages API', async () => {
    const body = {
      anthropic_version: 'bedrock-2023-05-31',
      anthropic_beta: ['token-efficient-tools-2025-02-19'],
      max_tokens: 100,
      messages: [{ role: 'user', content: 'Hello' }],
    };
    const result = await provider.invokeRaw?.(callOf(json(body), { model: MODEL }));
    assert.ok(result !== undefined);
    assert.equal(result.contentType, 'application/json');
    const answer = JSON.parse(new TextDecoder().decode(result.body)) as Record<string, unknown>;
    assert.equal(answer.type, 'message');
    assert.deepEqual(answer.content, [{ type: 'text', text: 'Hello from fake Claude.' }]);
    assert.deepEqual(result.usage, { inputTokens: 12, outputTokens: 6, totalTokens: 18 });
    assert.deepEqual(last()?.body, { max_tokens: 100, messages: [{ role: 'user', content: 'Hello' }], model: MODEL });
    assert.equal(last()?.headers['anthropic-beta'], 'configured-beta,token-efficient-tools-2025-02-19');

    fake.enqueue({ kind: 'malformed' });
    await rejectsWith(provider.invokeRaw!(callOf(json(body)))!, { code: 'ModelErrorException', httpStatus: 424 });
    assert.equal(provider.invokeRaw?.(callOf(json({ inputText: 'titan' }))), undefined);
    assert.equal(provider.invokeRaw?.(callOf(json({ prompt: '\n\nHuman: hi\n\nAssistant:', max_tokens_to_sample: 5 }))), undefined);
    assert.equal(provider.invokeRawStream?.(callOf(json({ inputText: 'titan' }))), undefined);
  });

  it('streams raw InvokeModel chunks as each event JSON, usage on the last, no pings', async () => {
    const stream = provider.invokeRawStream?.(callOf(json({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 50, messages: [{ role: 'user', content: 'Hi' }] })));
    assert.ok(stream !== undefined);
    const chunks: RawStreamChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    const types = chunks.map((c) => (JSON.parse(new TextDecoder().decode(c.bytes)) as { type: string }).type);
    assert.deepEqual(types, ['message_start', 'content_block_start', ...Array(4).fill('content_block_delta'), 'content_block_stop', 'message_delta', 'message_stop']);
    assert.deepEqual(chunks.at(-1)?.usage, { inputTokens: 12, outputTokens: 6, totalTokens: 18 });
    assert.ok(chunks.slice(0, -1).every((c) => c.usage === undefined));
    assert.equal((last()?.body as { stream?: unknown }).stream, true);
  });

  it('maps Anthropic errors, before and inside the stream', async () => {
    const noKey = createAnthropicProvider(parseAnthropicOptions({ baseUrl: fake.url, apiKey: 'wrong' }));
    await rejectsWith(noKey.converse(callOf(hello, { model: MODEL })), {
      code: 'ModelErrorException',
      httpStatus: 424,
      members: { originalStatusCode: 401, resourceName: MODEL },
      message: /invalid x-api-key/,
    });
    const audio = { audio: { format: 'mp3', source: { bytes: new Uint8Array([0]) } } } as unknown as ContentBlock;
    await rejectsWith(provider.converse(callOf<ConverseRequest>({ messages: [{ role: 'user', content: [audio] }] })), {
      code: 'ValidationException',
      httpStatus: 400,
      message: /does not support audio content blocks/,
    });
    const guarded = { guardContent: { text: { text: 'guarded words' } } } as unknown as ContentBlock;
    await provider.converse(callOf<ConverseRequest>({ messages: [{ role: 'user', content: [guarded] }] }));
    assert.deepEqual((last()?.body as { messages: unknown }).messages, [{ role: 'user', content: [{ type: 'text', text: 'guarded words' }] }]);
    fake.enqueue({ kind: 'status', status: 400, errorType: 'invalid_request_error', message: 'messages: roles must alternate' });
    await rejectsWith(provider.converse(callOf(hello)), { code: 'ValidationException', httpStatus: 400, message: /^messages: roles must alternate$/ });
    fake.enqueue({ kind: 'status', status: 429, errorType: 'rate_limit_error', message: 'slow down' });
    await rejectsWith(provider.converse(callOf(hello)), { code: 'ThrottlingException', httpStatus: 429 });
    fake.enqueue({ kind: 'status', status: 529, errorType: 'overloaded_error', message: 'Overloaded' });
    await rejectsWith(collect(provider.converseStream(callOf(hello))), { code: 'ServiceUnavailableException', httpStatus: 503 });
    fake.enqueue({ kind: 'status', status: 500, errorType: 'api_error', message: 'Internal' });
    await rejectsWith(provider.converse(callOf(hello)), { code: 'ModelErrorException', httpStatus: 424, members: { originalStatusCode: 500 } });
    fake.enqueue({ kind: 'malformed' });
    await rejectsWith(provider.converse(callOf(hello)), { code: 'ModelErrorException', httpStatus: 424 });
    fake.enqueue({ kind: 'hang' });
    await rejectsWith(provider.converse(callOf(hello)), { code: 'ModelTimeoutException', httpStatus: 408 });

    fake.enqueue({ kind: 'stream-error', errorType: 'overloaded_error', message: 'Overloaded' });
    await rejectsWith(collect(provider.converseStream(callOf(hello))), { code: 'ServiceUnavailableException', httpStatus: 503 });
    fake.enqueue({ kind: 'stream-error', errorType: 'api_error', message: 'boom' });
    await rejectsWith(collect(provider.converseStream(callOf(hello))), {
      code: 'ModelStreamErrorException',
      httpStatus: 424,
      members: { originalMessage: 'boom' },
    });
    fake.enqueue({ kind: 'disconnect' });
    const partial: string[] = [];
    await rejectsWith(
      (async () => {
        for await (const event of provider.converseStream(callOf(hello))) partial.push(...eventNames([event]));
      })(),
      { code: 'ModelStreamErrorException', httpStatus: 424 },
    );
    assert.deepEqual(partial, ['messageStart', 'contentBlockDelta'], 'events before the drop were yielded as they came');
    fake.enqueue({ kind: 'malformed' });
    await rejectsWith(collect(provider.converseStream(callOf(hello))), { code: 'ModelStreamErrorException', httpStatus: 424 });
  });

  it("aborts on the caller's signal", async () => {
    fake.enqueue({ kind: 'hang' });
    const controller = new AbortController();
    const reason = new Error('client disconnected');
    const pending = collect(provider.converseStream(callOf(hello, { signal: controller.signal })));
    setTimeout(() => controller.abort(reason), 20);
    await assert.rejects(pending, (error) => error === reason);
  });
});

describe('parseAnthropicOptions', () => {
  it('fills defaults and names bad keys', () => {
    assert.deepEqual(parseAnthropicOptions({}), {
      baseUrl: 'https://api.anthropic.com',
      anthropicVersion: '2023-06-01',
      headers: {},
      timeoutMs: 60_000,
      defaultMaxTokens: 4096,
    });
    assert.throws(() => parseAnthropicOptions({ defaultMaxTokens: 0 }), /"defaultMaxTokens"/);
    assert.throws(() => parseAnthropicOptions({ api_key: 'x' }), /unknown option "api_key"/);
  });
});
