import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PutModelInvocationLoggingConfigurationCommand } from '@aws-sdk/client-bedrock';
import { ConverseCommand, type ConverseCommandOutput } from '@aws-sdk/client-bedrock-runtime';
import { GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import { CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { startFakeAnthropicServer, type FakeAnthropicServer } from '../fakes/anthropic-server.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/openai-compatible-server.js';
import { GATEWAY_CONFIG } from './bedrock-helpers.js';
import { eventFor, eventually, expectedRecordLine, invocationEvents, isoSecond, type ExpectedRecord } from './bedrock-logging-helpers.js';
import { REGION, startServer, TEST_ACCOUNT, TEST_CREDENTIALS, type RunningServer } from './harness.js';

/*
 * Records of calls answered by each backend kind: openai-compatible and anthropic against local fake servers, and
 * bedrock against a second ModelWatch (which logs the forwarded call in its own account, as Bedrock would).
 * Token counts come from what the backend reported; a backend that reports no usage gives a record without counts.
 */
const ROLE = `arn:aws:iam::${TEST_ACCOUNT}:role/BedrockLogging`;
const LLAMA = 'meta.llama3-2-3b-instruct-v1:0';
const CLAUDE = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const TITAN = 'amazon.titan-text-express-v1';
const HELLO = [{ role: 'user' as const, content: [{ text: 'hello backend' }] }];

describe('invocation records per backend kind', { timeout: 120_000 }, () => {
  let upstreamModelWatch: RunningServer;
  let server: RunningServer;
  let openai: FakeOpenAiServer;
  let anthropic: FakeAnthropicServer;
  let arn = '';
  before(async () => {
    [openai, anthropic, upstreamModelWatch] = await Promise.all([startFakeOpenAiServer(), startFakeAnthropicServer(), startServer({ config: GATEWAY_CONFIG })]);
    server = await startServer({
      config: {
        providers: {
          openai: { kind: 'openai-compatible', baseUrl: openai.baseUrl },
          claude: { kind: 'anthropic', baseUrl: anthropic.url },
          upstream: { kind: 'bedrock', region: REGION, endpoint: upstreamModelWatch.endpoint, credentials: { ...TEST_CREDENTIALS } },
        },
        models: { [LLAMA]: { provider: 'openai', upstreamModel: 'llama3.2' }, [CLAUDE]: { provider: 'claude', upstreamModel: 'claude-3-5-haiku-20241022' }, [TITAN]: { provider: 'upstream' } },
        invocationLogging: { tickMs: 50 },
      },
    });
    arn = `arn:aws:iam::${TEST_ACCOUNT}:root`;
    for (const s of [server, upstreamModelWatch]) {
      await s.logs().send(new CreateLogGroupCommand({ logGroupName: '/bedrock/backends' }));
      await s.bedrock().send(new PutModelInvocationLoggingConfigurationCommand({
        loggingConfig: { cloudWatchConfig: { logGroupName: '/bedrock/backends', roleArn: ROLE }, textDataDeliveryEnabled: true },
      }));
    }
  });
  after(async () => {
    await server.stop();
    await upstreamModelWatch.stop();
    await openai.close();
    await anthropic.close();
  });

  const converse = (modelId: string) => server.bedrockRuntime().send(new ConverseCommand({ modelId, messages: HELLO }));
  const expected = (r: ConverseCommandOutput, modelId: string, timestamp: number, usage: ExpectedRecord['usage']): string => expectedRecordLine({
    timestamp: isoSecond(timestamp), accountId: TEST_ACCOUNT, arn, region: REGION, requestId: r.$metadata.requestId ?? '', operation: 'Converse', modelId,
    input: { json: { messages: HELLO } },
    output: { json: { output: { message: r.output?.message }, stopReason: r.stopReason, metrics: r.metrics, ...(r.usage === undefined ? {} : { usage: r.usage }) } },
    ...(usage === undefined ? {} : { usage }),
  });

  it('openai-compatible: token counts from the upstream usage; without usage, a record without counts and no token metrics', async () => {
    openai.enqueue({ kind: 'message', text: 'Hi from llama.', usage: { prompt_tokens: 9, completion_tokens: 4 } }, { kind: 'message', text: 'No usage here.', usage: null });
    const counted = await converse(LLAMA);
    assert.deepEqual([counted.usage?.inputTokens, counted.usage?.outputTokens], [9, 4]);
    const event = await eventFor(server.logs(), '/bedrock/backends', counted.$metadata.requestId);
    assert.equal(event.message, expected(counted, LLAMA, event.timestamp ?? 0, { inputTokens: 9, outputTokens: 4 }));

    const uncounted = await converse(LLAMA);
    assert.equal(uncounted.usage, undefined);
    const bare = await eventFor(server.logs(), '/bedrock/backends', uncounted.$metadata.requestId);
    assert.equal(bare.message, expected(uncounted, LLAMA, bare.timestamp ?? 0, undefined));

    const sum = async (metricName: string) => (await server.cloudwatch().send(new GetMetricStatisticsCommand({
      Namespace: 'AWS/Bedrock', MetricName: metricName, Dimensions: [{ Name: 'ModelId', Value: LLAMA }],
      StartTime: new Date(Date.now() - 3_600_000), EndTime: new Date(Date.now() + 3_600_000), Period: 3600, Statistics: ['Sum', 'SampleCount'],
    }))).Datapoints?.[0];
    await eventually('two Invocations', async () => ((await sum('Invocations'))?.Sum === 2 ? true : undefined));
    assert.deepEqual([(await sum('OutputTokenCount'))?.Sum, (await sum('OutputTokenCount'))?.SampleCount], [4, 1], 'the call without usage published no token count');
  });

  it('anthropic: the prompt-cache counts reach the record', async () => {
    anthropic.enqueue({ kind: 'message', content: [{ type: 'text', text: 'Cached hello.' }], usage: { input_tokens: 12, output_tokens: 6, cache_read_input_tokens: 5, cache_creation_input_tokens: 3 } });
    const r = await converse(CLAUDE);
    const event = await eventFor(server.logs(), '/bedrock/backends', r.$metadata.requestId);
    const record = JSON.parse(event.message ?? '{}') as { input: Record<string, unknown> };
    assert.deepEqual([record.input['cacheReadInputTokenCount'], record.input['cacheWriteInputTokenCount']], [5, 3]);
    assert.equal(event.message, expected(r, CLAUDE, event.timestamp ?? 0, { inputTokens: r.usage?.inputTokens ?? -1, outputTokens: 6, cacheRead: 5, cacheWrite: 3 }));
  });

  it('bedrock backend: the front ModelWatch logs the caller\'s call; the upstream ModelWatch logs the forwarded one', async () => {
    const r = await converse(TITAN);
    const event = await eventFor(server.logs(), '/bedrock/backends', r.$metadata.requestId);
    assert.equal(event.message, expected(r, TITAN, event.timestamp ?? 0, { inputTokens: r.usage?.inputTokens ?? -1, outputTokens: r.usage?.outputTokens ?? -1 }));
    const forwarded = await eventually('the upstream record', async () => (await invocationEvents(upstreamModelWatch.logs(), '/bedrock/backends'))[0]);
    const upstreamRecord = JSON.parse(forwarded.message ?? '{}') as { operation: string; modelId: string; requestId: string; output: { outputBodyJson: { output: unknown } } };
    assert.deepEqual([upstreamRecord.operation, upstreamRecord.modelId], ['Converse', TITAN]);
    assert.notEqual(upstreamRecord.requestId, r.$metadata.requestId, 'each hop has its own request id');
    assert.deepEqual(upstreamRecord.output.outputBodyJson.output, { message: r.output?.message });
  });
});
