import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import {
  ConverseCommand, ConverseStreamCommand, InvokeModelCommand, InvokeModelWithResponseStreamCommand,
  type BedrockRuntimeClient, type ConverseStreamOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { setTimeout as sleep } from 'node:timers/promises';
import { expectAwsError } from './aws-assert.js';
import {
  CLAUDE_VIA_OPENAI, eventNames, recordOf, setMember, startBackends, UPSTREAM_ACCOUNT, UPSTREAM_KEY, VIA_ANTHROPIC, VIA_BEDROCK,
  VIA_BEDROCK_FAILING, VIA_OPENAI, type Backends,
} from './bedrock-backends-setup.js';
import { utf8 } from './bedrock-helpers.js';
import { TEST_ACCOUNT } from './harness.js';

/*
 * The Bedrock runtime gateway in front of each backend kind, through the JS runtime client's default HTTP/2 handler:
 * every operation, tool use, usage present and absent, and upstream failures mapped to AWS's errors, each checked in
 * the answer and in the invocation record delivered to CloudWatch Logs.
 */
const hello = [{ role: 'user' as const, content: [{ text: 'Hi there' }] }];
const anthropicBody = JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 40, messages: [{ role: 'user', content: 'Hi there' }] });
const weatherTool = { toolSpec: { name: 'get_weather', description: 'Weather for a city', inputSchema: { json: { type: 'object', properties: { city: { type: 'string' } } } } } };

describe('Bedrock runtime through each backend kind (HTTP/2)', { timeout: 120_000 }, () => {
  let b: Backends;
  let rt: BedrockRuntimeClient;
  before(async () => {
    b = await startBackends();
    rt = b.gateway.bedrockRuntime();
  });
  after(async () => b?.stop());

  const usageOf: Readonly<Record<string, readonly [number | undefined, number]>> = { [VIA_OPENAI]: [11, 7], [VIA_ANTHROPIC]: [12, 6], [VIA_BEDROCK]: [undefined, 12] } as const;
  for (const modelId of [VIA_OPENAI, VIA_ANTHROPIC, VIA_BEDROCK]) {
    test(`${modelId}: Converse and ConverseStream answer, and each call is logged with its usage`, async () => {
      const answer = await rt.send(new ConverseCommand({ modelId, messages: hello, inferenceConfig: { maxTokens: 40 } }));
      const text = answer.output?.message?.content?.[0]?.text ?? '';
      assert.ok(text.length > 0);
      assert.equal(answer.stopReason, 'end_turn');
      const [input, output] = usageOf[modelId] ?? [undefined, 0];
      if (input !== undefined) assert.equal(answer.usage?.inputTokens, input);
      assert.equal(answer.usage?.outputTokens, output);

      const record = await recordOf(b.gateway.logs(), answer.$metadata.requestId);
      assert.equal(record.operation, 'Converse');
      assert.equal(record.modelId, modelId);
      assert.match(record.identity.arn, new RegExp(`^arn:aws:iam::${TEST_ACCOUNT}:`));
      assert.equal(record.output?.outputTokenCount, output);
      assert.deepEqual((record.input.inputBodyJson as { messages: unknown }).messages, hello);

      const streamed = await rt.send(new ConverseStreamCommand({ modelId, messages: hello, inferenceConfig: { maxTokens: 40 } }));
      const events: ConverseStreamOutput[] = [];
      for await (const event of streamed.stream ?? []) events.push(event);
      const names = events.map(setMember);
      assert.equal(names[0], 'messageStart');
      assert.ok(names.includes('contentBlockDelta'));
      assert.deepEqual(names.slice(-2), ['messageStop', 'metadata']);
      const streamedText = events.map((e) => e.contentBlockDelta?.delta?.text ?? '').join('');
      assert.equal(streamedText, text, 'the stream carries the same text as the whole answer');
      assert.equal(events.at(-1)?.metadata?.usage?.outputTokens, output);
      const streamRecord = await recordOf(b.gateway.logs(), streamed.$metadata.requestId);
      assert.equal(streamRecord.operation, 'ConverseStream');
      assert.equal(streamRecord.output?.outputTokenCount, output);
    });
  }

  test('InvokeModel and InvokeModelWithResponseStream with an Anthropic body, on the Anthropic and Bedrock backends', async () => {
    for (const modelId of [VIA_ANTHROPIC, VIA_BEDROCK]) {
      const answer = await rt.send(new InvokeModelCommand({ modelId, body: anthropicBody, contentType: 'application/json' }));
      const body = JSON.parse(utf8(answer.body)) as { type: string; role: string; content: Array<{ type: string; text: string }>; usage: { output_tokens: number } };
      assert.equal(body.type, 'message');
      assert.equal(body.content[0]?.type, 'text');
      assert.ok(body.usage.output_tokens > 0);
      const record = await recordOf(b.gateway.logs(), answer.$metadata.requestId);
      assert.equal(record.operation, 'InvokeModel');
      assert.deepEqual(record.input.inputBodyJson, JSON.parse(anthropicBody));

      const streamed = await rt.send(new InvokeModelWithResponseStreamCommand({ modelId, body: anthropicBody, contentType: 'application/json' }));
      const chunks: Array<{ type: string }> = [];
      for await (const event of streamed.body ?? []) chunks.push(JSON.parse(utf8(event.chunk?.bytes)) as { type: string });
      assert.equal(chunks[0]?.type, 'message_start');
      assert.equal(chunks.at(-1)?.type, 'message_stop');
      const streamRecord = await recordOf(b.gateway.logs(), streamed.$metadata.requestId);
      assert.equal(streamRecord.operation, 'InvokeModelWithResponseStream');
      assert.ok(Array.isArray(streamRecord.output?.outputBodyJson), 'a stream record holds the decoded chunks');
    }
  });

  test('InvokeModel with an Anthropic body on the OpenAI-compatible backend is translated both ways', async () => {
    const answer = await rt.send(new InvokeModelCommand({ modelId: CLAUDE_VIA_OPENAI, body: anthropicBody, contentType: 'application/json' }));
    const body = JSON.parse(utf8(answer.body)) as { content: Array<{ text: string }>; usage: { input_tokens: number; output_tokens: number } };
    assert.equal(body.content[0]?.text, 'Hello from the fake model.');
    assert.deepEqual([body.usage.input_tokens, body.usage.output_tokens], [11, 7]);
    const sent = b.openai.chatRequests().at(-1)?.body as { model: string; messages: unknown };
    assert.equal(sent.model, 'qwen3');
    assert.deepEqual(sent.messages, [{ role: 'user', content: 'Hi there' }]);
  });

  test('tool use: OpenAI tool_calls and Anthropic tool_use become Converse toolUse blocks, whole and streamed', async () => {
    const toolConfig = { tools: [weatherTool] };
    b.openai.enqueue({ kind: 'message', toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' }] });
    const viaOpenAi = await rt.send(new ConverseCommand({ modelId: VIA_OPENAI, messages: hello, toolConfig }));
    assert.equal(viaOpenAi.stopReason, 'tool_use');
    assert.deepEqual(viaOpenAi.output?.message?.content?.find((c) => c.toolUse)?.toolUse, { toolUseId: 'call_1', name: 'get_weather', input: { city: 'Paris' } });
    const sentTools = (b.openai.chatRequests().at(-1)?.body as { tools: Array<{ type: string; function: { name: string } }> }).tools;
    assert.deepEqual(sentTools.map((t) => [t.type, t.function.name]), [['function', 'get_weather']]);

    b.anthropic.enqueue({ kind: 'message', content: [{ type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Oslo' } }] });
    const streamed = await rt.send(new ConverseStreamCommand({ modelId: VIA_ANTHROPIC, messages: hello, toolConfig }));
    const events: ConverseStreamOutput[] = [];
    for await (const event of streamed.stream ?? []) events.push(event);
    const start = events.find((e) => e.contentBlockStart)?.contentBlockStart?.start?.toolUse;
    assert.deepEqual(start, { toolUseId: 'toolu_1', name: 'get_weather' });
    const json = events.map((e) => e.contentBlockDelta?.delta?.toolUse?.input ?? '').join('');
    assert.deepEqual(JSON.parse(json), { city: 'Oslo' });
    assert.equal(events.find((e) => e.messageStop)?.messageStop?.stopReason, 'tool_use');
  });

  test('a backend that reports no usage: no token counts in the answer nor the record, rather than zeros', async () => {
    b.openai.enqueue({ kind: 'message', text: 'no usage here', usage: null });
    const answer = await rt.send(new ConverseCommand({ modelId: VIA_OPENAI, messages: hello }));
    assert.equal(answer.output?.message?.content?.[0]?.text, 'no usage here');
    assert.equal(answer.usage?.outputTokens ?? undefined, undefined);
    const record = await recordOf(b.gateway.logs(), answer.$metadata.requestId);
    assert.equal(record.input.inputTokenCount, undefined);
    assert.equal(record.output?.outputTokenCount, undefined);

    b.openai.enqueue({ kind: 'message', text: 'streamed without usage', usage: null });
    const streamed = await rt.send(new ConverseStreamCommand({ modelId: VIA_OPENAI, messages: hello }));
    const names = await eventNames(streamed.stream);
    assert.equal(names[0], 'messageStart');
    const streamRecord = await recordOf(b.gateway.logs(), streamed.$metadata.requestId);
    assert.equal(streamRecord.output?.outputTokenCount, undefined);
  });

  test('upstream failures become AWS errors, and their records carry errorCode', async () => {
    const cases = [
      { reply: { kind: 'status', status: 429, body: '{"error":{"message":"slow down"}}' }, code: 'ThrottlingException', status: 429 },
      { reply: { kind: 'status', status: 500, body: '{"error":{"message":"boom"}}' }, code: 'ModelErrorException', status: 424 },
      { reply: { kind: 'hang' }, code: 'ModelTimeoutException', status: 408 },
    ] as const;
    for (const { reply, code, status } of cases) {
      b.openai.enqueue(reply);
      const error = await expectAwsError(rt.send(new ConverseCommand({ modelId: VIA_OPENAI, messages: hello })), code);
      assert.equal(error.$metadata?.httpStatusCode, status);
      if (code === 'ModelErrorException') assert.equal(error.originalStatusCode, 500);
      const record = await recordOf(b.gateway.logs(), error.$metadata?.requestId);
      assert.equal(record.errorCode, code);
    }
    b.anthropic.enqueue({ kind: 'status', status: 429, errorType: 'rate_limit_error', message: 'Number of request tokens has exceeded your rate limit' });
    await expectAwsError(rt.send(new InvokeModelCommand({ modelId: VIA_ANTHROPIC, body: anthropicBody, contentType: 'application/json' })), 'ThrottlingException');
    const upstreamError = await expectAwsError(rt.send(new ConverseCommand({ modelId: VIA_BEDROCK_FAILING, messages: hello })), 'ModelErrorException');
    assert.equal(upstreamError.$metadata?.httpStatusCode, 424, 'a Bedrock upstream error keeps its code and status');
  });

  test('a stream broken mid-way ends with an in-stream modelStreamErrorException, logged as such', async () => {
    b.openai.enqueue({ kind: 'disconnect', afterChunks: 2 });
    const streamed = await rt.send(new ConverseStreamCommand({ modelId: VIA_OPENAI, messages: hello }));
    const seen: string[] = [];
    await assert.rejects(async () => {
      for await (const event of streamed.stream ?? []) seen.push(setMember(event));
    }, (error: Error) => error.name === 'ModelStreamErrorException');
    assert.equal(seen[0], 'messageStart', 'the events before the break reached the caller');
    assert.ok(seen.includes('contentBlockDelta'));
    const record = await recordOf(b.gateway.logs(), streamed.$metadata.requestId);
    assert.equal(record.errorCode, 'ModelStreamErrorException');

    b.anthropic.enqueue({ kind: 'disconnect' });
    const invoked = await rt.send(new InvokeModelWithResponseStreamCommand({ modelId: VIA_ANTHROPIC, body: anthropicBody, contentType: 'application/json' }));
    await assert.rejects(async () => {
      for await (const event of invoked.body ?? []) void event;
    }, (error: Error) => error.name === 'ModelStreamErrorException');
  });

  test('an unavailable backend is ServiceUnavailableException (503); Anthropic in-stream overload and rate limits keep their meaning', async () => {
    b.openai.enqueue({ kind: 'status', status: 503, body: '{"error":{"message":"loading model"}}' });
    const unavailable = await rt.send(new ConverseCommand({ modelId: VIA_OPENAI, messages: hello })).then(() => undefined, (error: unknown) => error as { name: string; $fault: string; $metadata: { httpStatusCode?: number; requestId?: string } });
    assert.equal(unavailable?.name, 'ServiceUnavailableException');
    assert.equal(unavailable?.$metadata.httpStatusCode, 503);
    assert.equal(unavailable?.$fault, 'server');
    assert.equal((await recordOf(b.gateway.logs(), unavailable?.$metadata.requestId)).errorCode, 'ServiceUnavailableException');

    for (const [errorType, expected] of [['overloaded_error', 'ServiceUnavailableException'], ['rate_limit_error', 'ThrottlingException']] as const) {
      b.anthropic.enqueue({ kind: 'stream-error', errorType, message: `upstream ${errorType}` });
      const streamed = await rt.send(new ConverseStreamCommand({ modelId: VIA_ANTHROPIC, messages: hello }));
      await assert.rejects(async () => {
        for await (const event of streamed.stream ?? []) void event;
      }, (error: Error) => error.name === expected);
    }
  });

  test('the Bedrock backend re-signs with its own credentials: the upstream counts the calls in its account', async () => {
    const upstreamMetrics = b.upstream.cloudwatch({ credentials: UPSTREAM_KEY });
    for (let attempt = 0; ; attempt++) {
      const listed = await upstreamMetrics.send(new ListMetricsCommand({ Namespace: 'AWS/Bedrock', MetricName: 'Invocations' }));
      const models = (listed.Metrics ?? []).flatMap((m) => (m.Dimensions ?? []).filter((d) => d.Name === 'ModelId').map((d) => d.Value));
      if (models.includes(VIA_BEDROCK)) break;
      assert.ok(attempt < 100, `the upstream (account ${UPSTREAM_ACCOUNT}) never recorded an invocation of ${VIA_BEDROCK}`);
      await sleep(50);
    }
    const asCaller = await b.upstream.cloudwatch().send(new ListMetricsCommand({ Namespace: 'AWS/Bedrock', MetricName: 'Invocations' }));
    assert.deepEqual(asCaller.Metrics ?? [], [], "the caller's account saw no upstream invocations");
  });
});
