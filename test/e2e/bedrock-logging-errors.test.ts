import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DeleteModelInvocationLoggingConfigurationCommand, PutModelInvocationLoggingConfigurationCommand, type LoggingConfig } from '@aws-sdk/client-bedrock';
import { ConverseCommand, ConverseStreamCommand, InvokeModelCommand, type BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { GetMetricDataCommand, GetMetricStatisticsCommand, type Statistic } from '@aws-sdk/client-cloudwatch';
import { CreateLogGroupCommand, DeleteLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectCommand } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/openai-compatible-server.js';
import { expectAwsError, type AwsErrorShape } from './aws-assert.js';
import { FAILING, GATEWAY_CONFIG, HAIKU, INSTANT, QUOTA_LIMITED } from './bedrock-helpers.js';
import { eventFor, eventually, expectedRecordLine, isoSecond, s3LineFor } from './bedrock-logging-helpers.js';
import { REGION, startServer, TEST_ACCOUNT, uniqueName, type RunningServer } from './harness.js';
import { bucketName } from './s3-helpers.js';

/*
 * Failed invocations (throttled, failed upstream, malformed) give the caller AWS's error, a record with errorCode
 * and the right AWS/Bedrock metric; the runtime metrics with logging off (GetMetricStatistics, GetMetricData and
 * Prometheus); a deleted log group fails CloudWatch delivery without holding up S3.
 */
const ROLE = `arn:aws:iam::${TEST_ACCOUNT}:role/BedrockLogging`;
const UPSTREAM_MODEL = 'meta.llama3-2-3b-instruct-v1:0';
const METRICS_MODEL = 'anthropic.claude-v2:1';
const HELLO = [{ role: 'user' as const, content: [{ text: 'hello' }] }];

/** The error of a call that must fail (expectAwsError insists on client errors; this one is a server fault). */
function serverError(call: Promise<unknown>): Promise<AwsErrorShape> {
  return call.then(() => assert.fail('expected the call to fail'), (e: unknown) => e as AwsErrorShape);
}

describe('failed invocations and AWS/Bedrock metrics', { timeout: 120_000 }, () => {
  let server: RunningServer;
  let upstream: FakeOpenAiServer;
  let runtime: BedrockRuntimeClient;
  let arn = '';
  before(async () => {
    upstream = await startFakeOpenAiServer();
    server = await startServer({
      config: {
        providers: { ...GATEWAY_CONFIG.providers, sim: INSTANT, upstream: { kind: 'openai-compatible', baseUrl: upstream.baseUrl } },
        models: { ...GATEWAY_CONFIG.models, [UPSTREAM_MODEL]: { provider: 'upstream', upstreamModel: 'llama3.2' } },
        invocationLogging: { s3BatchMaxAgeMs: 200, tickMs: 50 },
      },
    });
    runtime = server.bedrockRuntime();
    arn = (await server.sts().send(new GetCallerIdentityCommand({}))).Arn ?? '';
  });
  after(async () => {
    await server.stop();
    await upstream.close();
  });

  const logTo = async (extra: Partial<LoggingConfig> = {}): Promise<string> => {
    const logGroupName = uniqueName('/bedrock/errors');
    await server.logs().send(new CreateLogGroupCommand({ logGroupName }));
    await server.bedrock().send(new PutModelInvocationLoggingConfigurationCommand({
      loggingConfig: { cloudWatchConfig: { logGroupName, roleArn: ROLE }, textDataDeliveryEnabled: true, ...extra },
    }));
    return logGroupName;
  };
  const window = { StartTime: new Date(Date.now() - 3_600_000), EndTime: new Date(Date.now() + 3_600_000), Period: 3600 };
  /** The metric's statistic over the test's hour (one datapoint), or undefined without data. */
  const statNow = async (metricName: string, modelId: string | undefined, statistic: Statistic): Promise<number | undefined> => {
    const stats = await server.cloudwatch().send(new GetMetricStatisticsCommand({
      Namespace: 'AWS/Bedrock', MetricName: metricName, ...window, Statistics: [statistic],
      ...(modelId === undefined ? {} : { Dimensions: [{ Name: 'ModelId', Value: modelId }] }),
    }));
    assert.ok((stats.Datapoints?.length ?? 0) <= 1, 'one hour-long period');
    return stats.Datapoints?.[0]?.[statistic];
  };
  /** The statistic once it reaches `atLeast` (metrics are written in the background). */
  const stat = (metricName: string, modelId: string | undefined, atLeast: number, statistic: Statistic = 'Sum') =>
    eventually(`${metricName} ${statistic} >= ${atLeast}`, async () => {
      const value = await statNow(metricName, modelId, statistic);
      return value !== undefined && value >= atLeast ? value : undefined;
    });
  const errorRecord = (requestId: string | undefined, modelId: string, timestamp: number, input: unknown, errorCode: string, operation = 'Converse') =>
    expectedRecordLine({
      timestamp: isoSecond(timestamp), accountId: TEST_ACCOUNT, arn, region: REGION, requestId: requestId ?? '', operation, modelId,
      input: input === undefined ? {} : { json: input }, errorCode,
    });

  it('a throttled call: ThrottlingException 429, a record with errorCode, InvocationThrottles', async () => {
    const logGroupName = await logTo();
    for (let i = 0; i < 2; i++) await runtime.send(new ConverseCommand({ modelId: QUOTA_LIMITED, messages: HELLO }));
    const error = await expectAwsError(runtime.send(new ConverseCommand({ modelId: QUOTA_LIMITED, messages: HELLO })), 'ThrottlingException');
    assert.equal(error.$metadata?.httpStatusCode, 429);
    assert.equal(error.message, 'Too many requests, please wait before trying again.');
    const event = await eventFor(server.logs(), logGroupName, error.$metadata?.requestId);
    assert.equal(event.message, errorRecord(error.$metadata?.requestId, QUOTA_LIMITED, event.timestamp ?? 0, { messages: HELLO }, 'ThrottlingException'));
    assert.equal(await stat('InvocationThrottles', QUOTA_LIMITED, 1), 1);
    assert.equal(await stat('Invocations', QUOTA_LIMITED, 2), 2, 'a throttled call is not an invocation');
  });

  it('a failed upstream (openai-compatible backend answering 503): ServiceUnavailableException, errorCode, InvocationServerErrors', async () => {
    const logGroupName = await logTo();
    upstream.enqueue({ kind: 'status', status: 503, body: '{"error":{"message":"overloaded"}}' });
    const error = await serverError(runtime.send(new ConverseCommand({ modelId: UPSTREAM_MODEL, messages: HELLO })));
    assert.equal(error.name, 'ServiceUnavailableException');
    assert.equal(error.$metadata?.httpStatusCode, 503);
    assert.equal(error.$fault, 'server');
    const event = await eventFor(server.logs(), logGroupName, error.$metadata?.requestId);
    assert.equal(event.message, errorRecord(error.$metadata?.requestId, UPSTREAM_MODEL, event.timestamp ?? 0, { messages: HELLO }, 'ServiceUnavailableException'));
    assert.equal(await stat('InvocationServerErrors', UPSTREAM_MODEL, 1), 1);
    assert.equal(await stat('Invocations', UPSTREAM_MODEL, 1), 1, 'a failed upstream call was accepted for processing');
  });

  it('malformed requests (an InvokeModel body that is not JSON, a Converse without messages): ValidationException 400, errorCode, InvocationClientErrors', async () => {
    const logGroupName = await logTo();
    const error = await expectAwsError(
      runtime.send(new InvokeModelCommand({ modelId: HAIKU, contentType: 'application/json', body: new TextEncoder().encode('{"messages": [') })),
      'ValidationException',
    );
    assert.equal(error.$metadata?.httpStatusCode, 400);
    const event = await eventFor(server.logs(), logGroupName, error.$metadata?.requestId);
    // A body that is not JSON cannot be inlined as inputBodyJson; without a large-data bucket it is left out.
    assert.equal(event.message, errorRecord(error.$metadata?.requestId, HAIKU, event.timestamp ?? 0, undefined, 'ValidationException', 'InvokeModel'));
    assert.equal(await stat('InvocationClientErrors', HAIKU, 1), 1);

    const empty = await expectAwsError(runtime.send(new ConverseCommand({ modelId: HAIKU, messages: [] })), 'ValidationException');
    assert.equal(empty.message, 'A conversation must start with a user message. Try again with a conversation that starts with a user message.');
    const emptyEvent = await eventFor(server.logs(), logGroupName, empty.$metadata?.requestId);
    assert.equal(emptyEvent.message, errorRecord(empty.$metadata?.requestId, HAIKU, emptyEvent.timestamp ?? 0, { messages: [] }, 'ValidationException'));
    assert.equal(await stat('InvocationClientErrors', HAIKU, 2), 2);
    assert.equal(await statNow('Invocations', HAIKU, 'Sum'), undefined, 'requests refused by validation are not invocations');
  });

  it('a stream that fails midway: ModelStreamErrorException in the stream, a record with the partial output and errorCode', async () => {
    const logGroupName = await logTo();
    const stream = await runtime.send(new ConverseStreamCommand({ modelId: FAILING, messages: HELLO }));
    let text = '';
    const failure = await (async () => {
      try {
        for await (const e of stream.stream ?? []) text += e.contentBlockDelta?.delta?.text ?? '';
      } catch (error) {
        return error as AwsErrorShape;
      }
      return assert.fail('the simulated stream was to fail');
    })();
    assert.equal(failure.name, 'ModelStreamErrorException');
    assert.ok(text.length > 0, 'some text arrived before the failure');
    const event = await eventFor(server.logs(), logGroupName, stream.$metadata.requestId);
    const record = JSON.parse(event.message ?? '{}') as { output?: { outputBodyJson?: { metrics?: unknown } } };
    assert.equal(event.message, expectedRecordLine({
      timestamp: isoSecond(event.timestamp ?? 0), accountId: TEST_ACCOUNT, arn, region: REGION, requestId: stream.$metadata.requestId ?? '',
      operation: 'ConverseStream', modelId: FAILING, input: { json: { messages: HELLO } },
      // No messageStop was streamed, so the partial response has no stopReason; no usage was reported either.
      output: { json: { output: { message: { role: 'assistant', content: [{ text }] } }, metrics: record.output?.outputBodyJson?.metrics } },
      errorCode: 'ModelStreamErrorException',
    }));
    assert.equal(await stat('InvocationClientErrors', FAILING, 1), 1, 'ModelStreamErrorException is a 424');
  });

  it('runtime metrics with logging off: GetMetricStatistics, GetMetricData and the Prometheus series', async () => {
    await server.bedrock().send(new DeleteModelInvocationLoggingConfigurationCommand({}));
    const usages: Array<{ inputTokens: number; outputTokens: number }> = [];
    for (let i = 0; i < 3; i++) {
      const r = await runtime.send(new ConverseCommand({ modelId: METRICS_MODEL, messages: [{ role: 'user', content: [{ text: `call number ${i} with a few words` }] }] }));
      usages.push({ inputTokens: r.usage?.inputTokens ?? -1, outputTokens: r.usage?.outputTokens ?? -1 });
    }
    const sum = (k: 'inputTokens' | 'outputTokens') => usages.reduce((s, u) => s + u[k], 0);
    assert.equal(await stat('Invocations', METRICS_MODEL, 3), 3);
    assert.equal(await stat('InvocationLatency', METRICS_MODEL, 3, 'SampleCount'), 3);
    assert.equal(await stat('InputTokenCount', METRICS_MODEL, sum('inputTokens')), sum('inputTokens'));
    assert.equal(await stat('OutputTokenCount', METRICS_MODEL, sum('outputTokens')), sum('outputTokens'));
    const data = await server.cloudwatch().send(new GetMetricDataCommand({
      StartTime: window.StartTime, EndTime: window.EndTime,
      MetricDataQueries: ['Invocations', 'OutputTokenCount'].map((metricName, i) => ({
        Id: `m${i}`, MetricStat: { Metric: { Namespace: 'AWS/Bedrock', MetricName: metricName, Dimensions: [{ Name: 'ModelId', Value: METRICS_MODEL }] }, Period: 3600, Stat: 'Sum' },
      })),
    }));
    assert.deepEqual(data.MetricDataResults?.map((r) => [r.Id, r.Values]), [['m0', [3]], ['m1', [sum('outputTokens')]]]);

    const scrape = await fetch(`${server.endpoint}/metrics`);
    assert.equal(scrape.status, 200);
    const text = await scrape.text();
    const series = (name: string) => new RegExp(`^${name}\\{model_id="${METRICS_MODEL.replaceAll('.', '\\.')}"\\} (\\d+)$`, 'm').exec(text)?.[1];
    assert.equal(series('modelwatch_bedrock_invocations_total'), '3');
    assert.equal(series('modelwatch_bedrock_output_tokens_total'), String(sum('outputTokens')));
    assert.equal(series('modelwatch_bedrock_invocation_latency_seconds_count'), '3');
  });

  it('a deleted log group fails CloudWatch delivery (ModelInvocationLogsCloudWatchDeliveryFailure) and S3 still receives', async () => {
    const bucket = bucketName('fail');
    await server.s3().send(new CreateBucketCommand({ Bucket: bucket }));
    const logGroupName = await logTo({ s3Config: { bucketName: bucket } });
    const failuresBefore = (await statNow('ModelInvocationLogsCloudWatchDeliveryFailure', undefined, 'Sum')) ?? 0;
    await server.logs().send(new DeleteLogGroupCommand({ logGroupName }));
    const sentAt = Date.now();
    const r = await runtime.send(new ConverseCommand({ modelId: HAIKU, messages: HELLO }));
    const line = await s3LineFor(server.s3(), bucket, r.$metadata.requestId);
    assert.equal(line.line, expectedRecordLine({
      timestamp: (JSON.parse(line.line) as { timestamp: string }).timestamp, accountId: TEST_ACCOUNT, arn, region: REGION,
      requestId: r.$metadata.requestId ?? '', operation: 'Converse', modelId: HAIKU, input: { json: { messages: HELLO } },
      output: { json: { output: { message: r.output?.message }, stopReason: r.stopReason, metrics: r.metrics, usage: r.usage } },
      usage: { inputTokens: r.usage?.inputTokens ?? -1, outputTokens: r.usage?.outputTokens ?? -1 },
    }));
    assert.ok([isoSecond(sentAt), isoSecond(Date.now())].includes((JSON.parse(line.line) as { timestamp: string }).timestamp));
    assert.equal(await stat('ModelInvocationLogsCloudWatchDeliveryFailure', undefined, failuresBefore + 1), failuresBefore + 1, 'a deleted group is not retried');
    assert.ok((await stat('ModelInvocationLogsS3DeliverySuccess', undefined, 1)) >= 1);
  });
  it('a deleted bucket fails S3 delivery (ModelInvocationLogsS3DeliveryFailure) and CloudWatch still receives', async () => {
    const bucket = bucketName('gone');
    await server.s3().send(new CreateBucketCommand({ Bucket: bucket }));
    const logGroupName = await logTo({ s3Config: { bucketName: bucket } });
    const failuresBefore = (await statNow('ModelInvocationLogsS3DeliveryFailure', undefined, 'Sum')) ?? 0;
    await server.s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: 'amazon-bedrock-logs-permission-check' }));
    await server.s3().send(new DeleteBucketCommand({ Bucket: bucket }));
    const r = await runtime.send(new ConverseCommand({ modelId: HAIKU, messages: HELLO }));
    const event = await eventFor(server.logs(), logGroupName, r.$metadata.requestId);
    assert.equal(event.message, expectedRecordLine({
      timestamp: isoSecond(event.timestamp ?? 0), accountId: TEST_ACCOUNT, arn, region: REGION,
      requestId: r.$metadata.requestId ?? '', operation: 'Converse', modelId: HAIKU, input: { json: { messages: HELLO } },
      output: { json: { output: { message: r.output?.message }, stopReason: r.stopReason, metrics: r.metrics, usage: r.usage } },
      usage: { inputTokens: r.usage?.inputTokens ?? -1, outputTokens: r.usage?.outputTokens ?? -1 },
    }));
    assert.equal(await stat('ModelInvocationLogsS3DeliveryFailure', undefined, failuresBefore + 1), failuresBefore + 1, 'a deleted bucket is not retried');
  });
});
