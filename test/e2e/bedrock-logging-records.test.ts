import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { PutModelInvocationLoggingConfigurationCommand, type LoggingConfig } from '@aws-sdk/client-bedrock';
import {
  ConverseCommand, ConverseStreamCommand, InvokeModelCommand, InvokeModelWithResponseStreamCommand, type BedrockRuntimeClient,
} from '@aws-sdk/client-bedrock-runtime';
import { CreateLogGroupCommand, GetLogEventsCommand, PutMetricFilterCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { GATEWAY_CONFIG, HAIKU } from './bedrock-helpers.js';
import {
  eventFor, eventually, expectedRecordLine, getBytes, hourFolder, INVOCATION_STREAM, isoSecond, listKeys, s3LineFor, type ExpectedRecord,
} from './bedrock-logging-helpers.js';
import { REGION, startServer, TEST_ACCOUNT, uniqueName, type RunningServer } from './harness.js';
import { bucketName } from './s3-helpers.js';

/*
 * Invocation records through the running server: runtime calls with the JS SDK (default HTTP/2 handler), records
 * read back with the CloudWatch Logs and S3 clients, each compared byte for byte with a record built here from the
 * spec and from what the call returned. S3 batches are written after 200 ms here (config), not AWS's 60 s.
 */
const ROLE = `arn:aws:iam::${TEST_ACCOUNT}:role/BedrockLogging`;
const TITAN = 'amazon.titan-text-express-v1';
const IMAGE = 'amazon.titan-image-generator-v2:0';
const ALL_ON = { textDataDeliveryEnabled: true, imageDataDeliveryEnabled: true, embeddingDataDeliveryEnabled: true };
const HELLO = [{ role: 'user' as const, content: [{ text: 'hello how are you' }] }];

describe('Bedrock invocation records, end to end', { timeout: 120_000 }, () => {
  let server: RunningServer;
  let runtime: BedrockRuntimeClient;
  let arn = '';
  before(async () => {
    server = await startServer({ config: { ...GATEWAY_CONFIG, invocationLogging: { s3BatchMaxAgeMs: 200, tickMs: 50 } } });
    runtime = server.bedrockRuntime();
    arn = (await server.sts().send(new GetCallerIdentityCommand({}))).Arn ?? '';
  });
  after(async () => server.stop());

  const group = async (): Promise<string> => {
    const name = uniqueName('/bedrock/e2e');
    await server.logs().send(new CreateLogGroupCommand({ logGroupName: name }));
    return name;
  };
  const bucket = async (): Promise<string> => {
    const name = bucketName('inv');
    await server.s3().send(new CreateBucketCommand({ Bucket: name }));
    return name;
  };
  const configure = (loggingConfig: LoggingConfig) => server.bedrock().send(new PutModelInvocationLoggingConfigurationCommand({ loggingConfig }));
  /** Runs a call, remembering when it was sent and answered (the record's timestamp lies in between). */
  const timed = async <T>(call: () => Promise<T>): Promise<{ result: T; sentAt: number; answeredAt: number }> => {
    const sentAt = Date.now();
    const result = await call();
    return { result, sentAt, answeredAt: Date.now() };
  };
  /** The record's own timestamp, after checking it is the second of the call. */
  const stampOf = (line: string, sentAt: number, answeredAt: number): string => {
    const stamp = (JSON.parse(line) as { timestamp: string }).timestamp;
    assert.ok([isoSecond(sentAt), isoSecond(answeredAt)].includes(stamp), `record timestamp ${stamp} is the second of the call`);
    return stamp;
  };
  const base = (requestId: string | undefined, operation: string, modelId: string) => ({
    accountId: TEST_ACCOUNT, arn, region: REGION, requestId: requestId ?? '', operation, modelId,
  });
  const converse = (modelId = HAIKU, messages = HELLO) =>
    timed(() => runtime.send(new ConverseCommand({ modelId, messages, inferenceConfig: { maxTokens: 512, temperature: 0.7 } })));
  const converseRecord = (r: Awaited<ReturnType<typeof converse>>['result'], timestamp: string, bodies: { input?: boolean; output?: boolean } = {}): ExpectedRecord => ({
    ...base(r.$metadata.requestId, 'Converse', HAIKU),
    timestamp,
    input: bodies.input === false ? {} : { json: { messages: HELLO, inferenceConfig: { maxTokens: 512, temperature: 0.7 } } },
    output: bodies.output === false ? {} : {
      json: { output: { message: r.output?.message }, stopReason: r.stopReason, metrics: { latencyMs: r.metrics?.latencyMs }, usage: r.usage },
    },
    usage: { inputTokens: r.usage?.inputTokens ?? -1, outputTokens: r.usage?.outputTokens ?? -1 },
  });

  it('CloudWatch only: a Converse record in stream aws/bedrock/modelinvocations, at the invocation time', async () => {
    const logGroupName = await group();
    await configure({ cloudWatchConfig: { logGroupName, roleArn: ROLE }, textDataDeliveryEnabled: true });
    const { result, sentAt, answeredAt } = await converse();
    const event = await eventFor(server.logs(), logGroupName, result.$metadata.requestId);
    assert.ok((event.timestamp ?? 0) >= sentAt - 1 && (event.timestamp ?? 0) <= answeredAt, 'the event time is the invocation time');
    assert.equal(event.message, expectedRecordLine(converseRecord(result, isoSecond(event.timestamp ?? 0))));
  });

  it('S3 only: a gzip NDJSON object under AWSLogs/<acct>/BedrockModelInvocationLogs/<region>/YYYY/MM/DD/HH/', async () => {
    const name = await bucket();
    await configure({ s3Config: { bucketName: name, keyPrefix: 'records' }, textDataDeliveryEnabled: true });
    const first = await converse();
    const second = await converse();
    const a = await s3LineFor(server.s3(), name, first.result.$metadata.requestId);
    const b = await s3LineFor(server.s3(), name, second.result.$metadata.requestId);
    const folder = hourFolder({ prefix: 'records', accountId: TEST_ACCOUNT, region: REGION, ms: first.sentAt });
    const stamp = new Date(first.sentAt).toISOString().slice(0, 10).replaceAll('-', '');
    assert.match(a.key, new RegExp(`^${folder.replaceAll('/', '\\/')}${stamp}T\\d{9}Z_[0-9a-f]{16}\\.json\\.gz$`));
    assert.equal(a.line, expectedRecordLine(converseRecord(first.result, stampOf(a.line, first.sentAt, first.answeredAt))));
    assert.equal(b.line, expectedRecordLine(converseRecord(second.result, stampOf(b.line, second.sentAt, second.answeredAt))));
    assert.deepEqual(await listKeys(server.s3(), name, 'records/amazon'), ['records/amazon-bedrock-logs-permission-check']);
  });

  it('both destinations get the same line', async () => {
    const [logGroupName, name] = [await group(), await bucket()];
    await configure({ cloudWatchConfig: { logGroupName, roleArn: ROLE }, s3Config: { bucketName: name }, textDataDeliveryEnabled: true });
    const { result, sentAt, answeredAt } = await converse();
    const event = await eventFor(server.logs(), logGroupName, result.$metadata.requestId);
    const line = await s3LineFor(server.s3(), name, result.$metadata.requestId);
    assert.equal(line.line, event.message);
    assert.equal(line.line, expectedRecordLine(converseRecord(result, stampOf(line.line, sentAt, answeredAt))));
    assert.ok(line.key.startsWith(hourFolder({ accountId: TEST_ACCOUNT, region: REGION, ms: sentAt })), 'no prefix: keys start at AWSLogs/');
  });

  it('a body over 100 KB goes to largeDataDeliveryS3Config (CloudWatch) or under data/ (S3), as gzip of the body', async () => {
    const [logGroupName, name] = [await group(), await bucket()];
    await configure({
      cloudWatchConfig: { logGroupName, roleArn: ROLE, largeDataDeliveryS3Config: { bucketName: name, keyPrefix: 'large' } },
      s3Config: { bucketName: name, keyPrefix: 'rec' }, textDataDeliveryEnabled: true,
    });
    const big = [{ role: 'user' as const, content: [{ text: 'x'.repeat(110 * 1024) }] }];
    const { result, sentAt, answeredAt } = await converse(HAIKU, big);
    const event = await eventFor(server.logs(), logGroupName, result.$metadata.requestId);
    const record = JSON.parse(event.message ?? '{}') as { input: { inputBodyS3Path?: string } };
    const cwPath = record.input.inputBodyS3Path ?? '';
    const cwFolder = `s3://${name}/${hourFolder({ prefix: 'large', accountId: TEST_ACCOUNT, region: REGION, ms: sentAt })}data/`;
    assert.match(cwPath, new RegExp(`^${cwFolder.replaceAll('/', '\\/')}[0-9a-f-]{36}_input\\.json\\.gz$`));
    const expected = converseRecord(result, stampOf(event.message ?? '', sentAt, answeredAt));
    assert.equal(event.message, expectedRecordLine({ ...expected, input: { s3Path: cwPath } }));
    const sentBody = { messages: big, inferenceConfig: { maxTokens: 512, temperature: 0.7 } };
    const readBody = async (path: string) => JSON.parse(gunzipSync(await getBytes(server.s3(), name, path.slice(`s3://${name}/`.length))).toString('utf8')) as unknown;
    assert.deepEqual(await readBody(cwPath), sentBody);

    const s3Line = await s3LineFor(server.s3(), name, result.$metadata.requestId);
    const s3Path = (JSON.parse(s3Line.line) as { input: { inputBodyS3Path?: string } }).input.inputBodyS3Path ?? '';
    const s3Folder = `s3://${name}/${hourFolder({ prefix: 'rec', accountId: TEST_ACCOUNT, region: REGION, ms: sentAt })}data/`;
    assert.ok(s3Path.startsWith(s3Folder), `${s3Path} is under ${s3Folder}`);
    assert.equal(s3Line.line, expectedRecordLine({ ...expected, input: { s3Path } }));
    assert.deepEqual(await readBody(s3Path), sentBody);
  });

  it('an image model: the image output is binary data, offloaded (CloudWatch: large-data bucket; S3: data/); image toggle off leaves it out', async () => {
    const [logGroupName, name] = [await group(), await bucket()];
    await configure({ cloudWatchConfig: { logGroupName, roleArn: ROLE, largeDataDeliveryS3Config: { bucketName: name } }, s3Config: { bucketName: name, keyPrefix: 'rec' }, ...ALL_ON });
    const body = { taskType: 'TEXT_IMAGE', textToImageParams: { text: 'a lighthouse' }, imageGenerationConfig: { numberOfImages: 1, width: 512, height: 512 } };
    const generate = () => timed(() => runtime.send(new InvokeModelCommand({ modelId: IMAGE, contentType: 'application/json', body: JSON.stringify(body) })));
    const { result, sentAt, answeredAt } = await generate();
    const answer = JSON.parse(Buffer.from(result.body).toString('utf8')) as { images: string[] };
    assert.equal(Buffer.from(answer.images[0] ?? '', 'base64').subarray(1, 4).toString('latin1'), 'PNG');
    const expected = (line: string, output: { s3Path?: string }) => expectedRecordLine({
      ...base(result.$metadata.requestId, 'InvokeModel', IMAGE), timestamp: stampOf(line, sentAt, answeredAt), input: { json: body }, output,
    });
    const outPathOf = (line: string | undefined) => (JSON.parse(line ?? '{}') as { output?: { outputBodyS3Path?: string } }).output?.outputBodyS3Path ?? '';
    const dataFolder = (prefix?: string) =>
      `s3://${name}/${hourFolder({ ...(prefix === undefined ? {} : { prefix }), accountId: TEST_ACCOUNT, region: REGION, ms: sentAt })}data/`.replaceAll('/', '\\/');
    const event = await eventFor(server.logs(), logGroupName, result.$metadata.requestId);
    const cwPath = outPathOf(event.message);
    assert.match(cwPath, new RegExp(`^${dataFolder()}[0-9a-f-]{36}_output\\.json\\.gz$`));
    assert.equal(event.message, expected(event.message ?? '', { s3Path: cwPath }));
    const s3Line = await s3LineFor(server.s3(), name, result.$metadata.requestId);
    const s3Path = outPathOf(s3Line.line);
    assert.match(s3Path, new RegExp(`^${dataFolder('rec')}[0-9a-f-]{36}_output\\.json\\.gz$`));
    assert.equal(s3Line.line, expected(s3Line.line, { s3Path }));
    for (const path of [cwPath, s3Path]) {
      const stored = gunzipSync(await getBytes(server.s3(), name, path.slice(`s3://${name}/`.length)));
      assert.deepEqual(stored, Buffer.from(result.body), 'the object is the gzip of the response body');
    }

    await configure({ cloudWatchConfig: { logGroupName, roleArn: ROLE, largeDataDeliveryS3Config: { bucketName: name } }, textDataDeliveryEnabled: true });
    const off = await generate();
    const offEvent = await eventFor(server.logs(), logGroupName, off.result.$metadata.requestId);
    assert.equal(offEvent.message, expectedRecordLine({
      ...base(off.result.$metadata.requestId, 'InvokeModel', IMAGE), timestamp: isoSecond(offEvent.timestamp ?? 0), input: { json: body }, output: {},
    }), 'image data off: the text prompt is logged, the image is not');
  });

  it('requestMetadata (Converse member, InvokeModel header) is a field of the record, not part of its input body', async () => {
    const logGroupName = await group();
    await configure({ cloudWatchConfig: { logGroupName, roleArn: ROLE }, textDataDeliveryEnabled: true });
    const requestMetadata = { team: 'search', env: 'prod' };
    const r = await runtime.send(new ConverseCommand({ modelId: HAIKU, messages: HELLO, inferenceConfig: { maxTokens: 512, temperature: 0.7 }, requestMetadata }));
    const event = await eventFor(server.logs(), logGroupName, r.$metadata.requestId);
    assert.equal(event.message, expectedRecordLine({ ...converseRecord(r, isoSecond(event.timestamp ?? 0)), requestMetadata }));

    // InvokeModel carries it in the X-Amzn-Bedrock-Request-Metadata header, a JSON object of strings.
    const titan = { inputText: 'hello' };
    const invoked = await runtime.send(new InvokeModelCommand({ modelId: TITAN, contentType: 'application/json', body: JSON.stringify(titan), requestMetadata: JSON.stringify(requestMetadata) }));
    const answer = JSON.parse(Buffer.from(invoked.body).toString('utf8')) as { inputTextTokenCount: number; results: Array<{ tokenCount: number }> };
    const invokedEvent = await eventFor(server.logs(), logGroupName, invoked.$metadata.requestId);
    assert.equal(invokedEvent.message, expectedRecordLine({
      ...base(invoked.$metadata.requestId, 'InvokeModel', TITAN), timestamp: isoSecond(invokedEvent.timestamp ?? 0), input: { json: titan }, output: { json: answer },
      usage: { inputTokens: answer.inputTextTokenCount, outputTokens: answer.results[0]?.tokenCount ?? -1 }, requestMetadata,
    }));
  });

  it('each data toggle off leaves its body out and keeps the metadata', async () => {
    const logGroupName = await group();
    await configure({ cloudWatchConfig: { logGroupName, roleArn: ROLE } });
    const text = await converse();
    const event = await eventFor(server.logs(), logGroupName, text.result.$metadata.requestId);
    assert.equal(event.message, expectedRecordLine(converseRecord(text.result, isoSecond(event.timestamp ?? 0), { input: false, output: false })));

    await configure({ cloudWatchConfig: { logGroupName, roleArn: ROLE }, textDataDeliveryEnabled: true, imageDataDeliveryEnabled: true });
    const embed = { inputText: 'vectors please' };
    const { result } = await timed(() => runtime.send(new InvokeModelCommand({ modelId: 'amazon.titan-embed-text-v2:0', contentType: 'application/json', body: JSON.stringify(embed) })));
    const answer = JSON.parse(Buffer.from(result.body).toString('utf8')) as { inputTextTokenCount: number };
    const embedEvent = await eventFor(server.logs(), logGroupName, result.$metadata.requestId);
    // The embedding toggle is off: the input is text (logged), the output vector is not.
    assert.equal(embedEvent.message, expectedRecordLine({
      ...base(result.$metadata.requestId, 'InvokeModel', 'amazon.titan-embed-text-v2:0'), timestamp: isoSecond(embedEvent.timestamp ?? 0),
      input: { json: embed }, output: {}, usage: { inputTokens: answer.inputTextTokenCount, outputTokens: 0 },
    }));
  });

  it('ConverseStream logs the aggregated Converse response; InvokeModelWithResponseStream the array of decoded chunks', async () => {
    const logGroupName = await group();
    await configure({ cloudWatchConfig: { logGroupName, roleArn: ROLE }, textDataDeliveryEnabled: true });
    const stream = await runtime.send(new ConverseStreamCommand({ modelId: HAIKU, messages: HELLO }));
    let textOut = '';
    let metadata: { usage?: { inputTokens?: number; outputTokens?: number; totalTokens?: number }; metrics?: { latencyMs?: number } } = {};
    let stopReason = '';
    for await (const e of stream.stream ?? []) {
      textOut += e.contentBlockDelta?.delta?.text ?? '';
      if (e.messageStop?.stopReason !== undefined) stopReason = e.messageStop.stopReason;
      if (e.metadata !== undefined) metadata = e.metadata;
    }
    const event = await eventFor(server.logs(), logGroupName, stream.$metadata.requestId);
    const usage = { inputTokens: metadata.usage?.inputTokens ?? -1, outputTokens: metadata.usage?.outputTokens ?? -1 };
    assert.equal(event.message, expectedRecordLine({
      ...base(stream.$metadata.requestId, 'ConverseStream', HAIKU), timestamp: isoSecond(event.timestamp ?? 0), input: { json: { messages: HELLO } },
      output: { json: { output: { message: { role: 'assistant', content: [{ text: textOut }] } }, stopReason, metrics: { latencyMs: metadata.metrics?.latencyMs }, usage: metadata.usage } },
      usage,
    }));

    const claude = { anthropic_version: 'bedrock-2023-05-31', max_tokens: 64, messages: [{ role: 'user', content: 'hi' }] };
    const invoke = await runtime.send(new InvokeModelWithResponseStreamCommand({ modelId: HAIKU, contentType: 'application/json', body: JSON.stringify(claude) }));
    const chunks: Array<Record<string, unknown>> = [];
    for await (const e of invoke.body ?? []) chunks.push(JSON.parse(Buffer.from(e.chunk?.bytes ?? []).toString('utf8')) as Record<string, unknown>);
    assert.deepEqual([chunks[0]?.['type'], chunks.at(-1)?.['type']], ['message_start', 'message_stop']);
    const metrics = chunks.at(-1)?.['amazon-bedrock-invocationMetrics'] as { inputTokenCount: number; outputTokenCount: number };
    const streamEvent = await eventFor(server.logs(), logGroupName, invoke.$metadata.requestId);
    assert.equal(streamEvent.message, expectedRecordLine({
      ...base(invoke.$metadata.requestId, 'InvokeModelWithResponseStream', HAIKU), timestamp: isoSecond(streamEvent.timestamp ?? 0),
      input: { json: claude }, output: { json: chunks }, usage: { inputTokens: metrics.inputTokenCount, outputTokens: metrics.outputTokenCount },
    }));
  });

  it('InvokeModel with an Anthropic Messages body and a Titan body logs both bodies as sent and answered', async () => {
    const logGroupName = await group();
    await configure({ cloudWatchConfig: { logGroupName, roleArn: ROLE }, textDataDeliveryEnabled: true });
    const claude = { anthropic_version: 'bedrock-2023-05-31', max_tokens: 64, messages: [{ role: 'user', content: 'hi' }] };
    const titan = { inputText: 'hello', textGenerationConfig: { maxTokenCount: 32 } };
    for (const [modelId, body] of [[HAIKU, claude], [TITAN, titan]] as const) {
      const { result } = await timed(() => runtime.send(new InvokeModelCommand({ modelId, contentType: 'application/json', accept: 'application/json', body: JSON.stringify(body) })));
      const answer = JSON.parse(Buffer.from(result.body).toString('utf8')) as Record<string, unknown>;
      const usage = modelId === HAIKU
        ? (({ input_tokens, output_tokens }) => ({ inputTokens: input_tokens, outputTokens: output_tokens }))(answer['usage'] as { input_tokens: number; output_tokens: number })
        : { inputTokens: answer['inputTextTokenCount'] as number, outputTokens: (answer['results'] as Array<{ tokenCount: number }>)[0]?.tokenCount ?? -1 };
      const event = await eventFor(server.logs(), logGroupName, result.$metadata.requestId);
      assert.equal(event.message, expectedRecordLine({
        ...base(result.$metadata.requestId, 'InvokeModel', modelId), timestamp: isoSecond(event.timestamp ?? 0), input: { json: body }, output: { json: answer }, usage,
      }));
    }
  });

  it('a metric filter on the invocation log group counts invocation records', async () => {
    const logGroupName = await group();
    const namespace = uniqueName('BedrockE2E');
    await server.logs().send(new PutMetricFilterCommand({
      logGroupName, filterName: 'invocations', filterPattern: '{ $.schemaType = "ModelInvocationLog" }',
      metricTransformations: [{ metricName: 'Records', metricNamespace: namespace, metricValue: '1' }],
    }));
    await configure({ cloudWatchConfig: { logGroupName, roleArn: ROLE } });
    const startTime = new Date(Date.now() - 120_000);
    const calls = [await converse(), await converse(), await converse()];
    for (const { result } of calls) await eventFor(server.logs(), logGroupName, result.$metadata.requestId);
    const sum = await eventually('the filter metric', async () => {
      const stats = await server.cloudwatch().send(new GetMetricStatisticsCommand({
        Namespace: namespace, MetricName: 'Records', StartTime: startTime, EndTime: new Date(Date.now() + 120_000), Period: 3600, Statistics: ['Sum'],
      }));
      const total = (stats.Datapoints ?? []).reduce((s, d) => s + (d.Sum ?? 0), 0);
      return total >= 3 ? total : undefined;
    });
    assert.equal(sum, 3);
    const events = await server.logs().send(new GetLogEventsCommand({ logGroupName, logStreamName: INVOCATION_STREAM, startFromHead: true }));
    assert.equal(events.events?.length, 3);
  });
});
