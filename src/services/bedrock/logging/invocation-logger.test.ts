import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { beforeEach, describe, it } from 'node:test';
import { ManualClock } from '../../../kernel/index.js';
import type { StoredLoggingConfig } from '../../../storage/index.js';
import type { InvocationOutcome } from '../invocation-outcome.js';
import { buildInvocationRecord } from './build-invocation-record.js';
import { createInvocationLogger, type InvocationLogger } from './invocation-logger.js';
import type { InvocationLoggerOptions } from './invocation-logger-deps.js';
import { MemoryConfigStore, MemoryLogGroups, MemoryMetrics, MemoryObjects, MemorySpool } from './logging-fakes.test-support.js';
import { planRecordBodies } from './plan-record-bodies.js';

const SCOPE = { accountId: '111111111111', region: 'us-east-1' };
const T0 = Date.UTC(2025, 2, 11, 7, 15, 30, 250);
const ROLE = 'arn:aws:iam::111111111111:role/Logs';
const STREAM = 'aws/bedrock/modelinvocations';

function outcome(requestId: string, overrides: Partial<InvocationOutcome> = {}): InvocationOutcome {
  return {
    operation: 'Converse',
    caller: { ...SCOPE, accessKeyId: 'AK', arn: 'arn:aws:iam::111111111111:user/alice', userId: 'U' },
    requestId,
    modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    startedAt: T0,
    latencyMs: 120,
    input: { contentType: 'application/json', json: { messages: [{ role: 'user', content: [{ text: `hi ${requestId}` }] }] }, modalities: ['text'] },
    output: { contentType: 'application/json', json: { output: { message: { role: 'assistant', content: [{ text: 'hello' }] } } }, modalities: ['text'] },
    usage: { inputTokens: 3, outputTokens: 1 },
    ...overrides,
  };
}

/** The exact line the logger must write for `o` (no large bodies). */
const expectedLine = (o: InvocationOutcome, config: StoredLoggingConfig): string =>
  JSON.stringify(buildInvocationRecord(o, planRecordBodies({ outcome: o, config, largeData: undefined, uuid: 'unused' })));

describe('invocation logger', () => {
  let configs: MemoryConfigStore;
  let logs: MemoryLogGroups;
  let objects: MemoryObjects;
  let metrics: MemoryMetrics;
  let spool: MemorySpool;
  let clock: ManualClock;
  let errors: string[];
  let uuids: number;
  const open = (options: Partial<InvocationLoggerOptions> = {}): Promise<InvocationLogger> =>
    createInvocationLogger({
      configs, logs, objects, metrics, spool, clock,
      logError: (message) => void errors.push(message),
      ids: { uuid: () => `uuid-${++uuids}`, hex16: () => '0123456789abcdef' },
      sleep: () => Promise.resolve(),
      options: { tickMs: 1_000_000, ...options },
    });
  const cwOnly: StoredLoggingConfig = { cloudWatchConfig: { logGroupName: '/bedrock', roleArn: ROLE }, textDataDeliveryEnabled: true };
  const s3Only: StoredLoggingConfig = { s3Config: { bucketName: 'logs', keyPrefix: 'pfx' }, textDataDeliveryEnabled: true };

  beforeEach(() => {
    configs = new MemoryConfigStore();
    logs = new MemoryLogGroups();
    objects = new MemoryObjects();
    metrics = new MemoryMetrics();
    spool = new MemorySpool();
    clock = new ManualClock(T0 + 500);
    errors = [];
    uuids = 0;
    logs.addGroup('/bedrock');
    objects.addBucket('logs');
    objects.addBucket('large');
  });

  it('record() returns before any delivery; flush() delivers one event per record to the Bedrock stream', async () => {
    await configs.putLoggingConfig(SCOPE, cwOnly);
    const logger = await open();
    const a = outcome('a');
    const b = outcome('b', { startedAt: T0 - 1000 });
    logger.record(a);
    logger.record(b);
    assert.equal(logs.appendCalls, 0, 'nothing delivered on the caller\'s path');
    await logger.flush();
    assert.deepEqual(logs.events('/bedrock', STREAM), [
      { timestamp: T0 - 1000, message: expectedLine(b, cwOnly) },
      { timestamp: T0, message: expectedLine(a, cwOnly) },
    ]);
    assert.equal(metrics.sum('ModelInvocationLogsCloudWatchDeliverySuccess'), 1, 'one attempt for the batch');
    assert.equal(metrics.sum('Invocations'), 2);
    assert.equal(spool.unreleased, 0, 'delivered work is released from the spool');
    await logger.close();
    assert.deepEqual(errors, []);
  });

  it('without a configuration, records nothing but still writes the runtime metrics', async () => {
    const logger = await open();
    logger.record(outcome('a'));
    await logger.close();
    assert.equal(logs.appendCalls, 0);
    assert.deepEqual(objects.keys(), []);
    assert.equal(metrics.sum('Invocations'), 1);
    assert.equal(metrics.sum('InputTokenCount'), 3);
    assert.ok(metrics.data.every((d) => d.datum.metric.namespace === 'AWS/Bedrock'));
  });

  it('batches S3 records by age: nothing before the age limit, one gzip NDJSON object after it', async () => {
    await configs.putLoggingConfig(SCOPE, s3Only);
    const logger = await open({ s3BatchMaxAgeMs: 60_000 });
    const records = [outcome('a'), outcome('b'), outcome('c')];
    for (const r of records) logger.record(r);
    await logger.flushDue();
    clock.advance(59_999);
    await logger.flushDue();
    assert.deepEqual(objects.keys(), [], 'the batch is younger than its age limit');
    clock.advance(1);
    await logger.flushDue();
    const key = 'pfx/AWSLogs/111111111111/BedrockModelInvocationLogs/us-east-1/2025/03/11/07/20250311T071530250Z_0123456789abcdef.json.gz';
    assert.deepEqual(objects.keys(), [`logs/${key}`]);
    const object = objects.objects.get(`logs/${key}`);
    assert.equal(object?.contentType, 'application/x-gzip');
    assert.equal(gunzipSync(object.body).toString('utf8'), `${records.map((r) => expectedLine(r, s3Only)).join('\n')}\n`);
    assert.equal(metrics.sum('ModelInvocationLogsS3DeliverySuccess'), 1);
    await logger.close();
  });

  it('writes an S3 object as soon as a batch reaches its size limit, and one per hour folder', async () => {
    await configs.putLoggingConfig(SCOPE, s3Only);
    const logger = await open({ s3BatchMaxBytes: 1 });
    logger.record(outcome('a'));
    logger.record(outcome('b', { startedAt: T0 + 3_600_000 }));
    await new Promise((resolve) => setImmediate(resolve));
    await logger.flushDue(); // lets the drain finish without writing aged batches
    await logger.flush();
    assert.deepEqual(objects.keys().map((k) => k.split('/').slice(6, 9).join('/')), ['2025/03/11', '2025/03/11']);
    assert.deepEqual(objects.keys().map((k) => k.split('/')[9]), ['07', '08']);
    await logger.close();
  });

  it('with both destinations, each gets every record; large bodies go to each destination\'s bucket under data/', async () => {
    const both: StoredLoggingConfig = {
      cloudWatchConfig: { logGroupName: '/bedrock', roleArn: ROLE, largeDataDeliveryS3Config: { bucketName: 'large' } },
      s3Config: { bucketName: 'logs' },
      textDataDeliveryEnabled: true,
    };
    await configs.putLoggingConfig(SCOPE, both);
    const logger = await open();
    const bigText = 'z'.repeat(150 * 1024);
    logger.record(outcome('big', { input: { contentType: 'application/json', json: { prompt: bigText }, modalities: ['text'] } }));
    await logger.close();
    const folder = 'AWSLogs/111111111111/BedrockModelInvocationLogs/us-east-1/2025/03/11/07';
    const cwRecord = JSON.parse(logs.events('/bedrock', STREAM)[0]?.message ?? '{}') as { input: { inputBodyS3Path?: string } };
    assert.equal(cwRecord.input.inputBodyS3Path, `s3://large/${folder}/data/uuid-1_input.json.gz`);
    const dataObject = objects.objects.get(`large/${folder}/data/uuid-1_input.json.gz`);
    assert.equal(gunzipSync(dataObject?.body ?? new Uint8Array()).toString('utf8'), JSON.stringify({ prompt: bigText }));
    const recordKey = objects.keys().find((k) => k.startsWith(`logs/${folder}/2025`));
    assert.ok(recordKey);
    const s3Record = JSON.parse(gunzipSync(objects.objects.get(recordKey)?.body ?? new Uint8Array()).toString('utf8')) as { input: { inputBodyS3Path?: string } };
    assert.equal(s3Record.input.inputBodyS3Path, `s3://logs/${folder}/data/uuid-1_input.json.gz`);
    assert.ok(objects.objects.has(`logs/${folder}/data/uuid-1_input.json.gz`));
    assert.equal(metrics.sum('ModelInvocationLargePayloadsS3DeliverySuccess'), 2);
  });

  it('with both destinations and no large-data bucket, only the S3 record points at the large body', async () => {
    await configs.putLoggingConfig(SCOPE, { cloudWatchConfig: { logGroupName: '/bedrock', roleArn: ROLE }, s3Config: { bucketName: 'logs' }, textDataDeliveryEnabled: true });
    const logger = await open();
    logger.record(outcome('big', { output: { contentType: 'application/json', json: { text: 'w'.repeat(120 * 1024) }, modalities: ['text'] } }));
    logger.record(outcome('small'));
    await logger.close();
    const cw = logs.events('/bedrock', STREAM).map((e) => JSON.parse(e.message) as { requestId: string; output: Record<string, unknown> });
    assert.deepEqual(Object.keys(cw[0]?.output ?? {}), ['outputContentType', 'outputTokenCount']);
    const recordKey = objects.keys().find((k) => !k.includes('/data/'));
    const s3Lines = gunzipSync(objects.objects.get(recordKey ?? '')?.body ?? new Uint8Array()).toString('utf8').trim().split('\n');
    const s3 = s3Lines.map((line) => JSON.parse(line) as { output: Record<string, unknown> });
    assert.match(String(s3[0]?.output['outputBodyS3Path']), /^s3:\/\/logs\/AWSLogs\/111111111111\/BedrockModelInvocationLogs\/us-east-1\/2025\/03\/11\/07\/data\/uuid-1_output\.json\.gz$/);
    assert.equal(s3Lines[1], logs.events('/bedrock', STREAM)[1]?.message, 'a record without large bodies is the same line in both destinations');
  });

  it('a deleted log group fails the CloudWatch delivery (once, not retried) without blocking S3', async () => {
    await configs.putLoggingConfig(SCOPE, { ...s3Only, cloudWatchConfig: { logGroupName: '/gone', roleArn: ROLE } });
    const logger = await open();
    logger.record(outcome('a'));
    await logger.close();
    assert.equal(metrics.sum('ModelInvocationLogsCloudWatchDeliveryFailure'), 1);
    assert.equal(metrics.sum('ModelInvocationLogsCloudWatchDeliverySuccess'), 0);
    assert.equal(metrics.sum('ModelInvocationLogsS3DeliverySuccess'), 1);
    assert.equal(objects.keys().length, 1);
    assert.ok(errors.some((e) => e.includes('/gone')));
    assert.equal(spool.unreleased, 0, 'a given-up record is released, not replayed forever');
  });

  it('retries a failing S3 write (bounded), counting each attempt', async () => {
    await configs.putLoggingConfig(SCOPE, s3Only);
    const logger = await open();
    objects.failPuts = 1;
    logger.record(outcome('a'));
    await logger.flush();
    assert.equal(metrics.sum('ModelInvocationLogsS3DeliveryFailure'), 1);
    assert.equal(metrics.sum('ModelInvocationLogsS3DeliverySuccess'), 1);
    objects.failPuts = 10;
    logger.record(outcome('b'));
    await logger.flush();
    assert.equal(metrics.sum('ModelInvocationLogsS3DeliveryFailure'), 4, 'three attempts, then it gives up');
    assert.equal(objects.keys().length, 1);
    await logger.close();
  });

  it('a large body whose object cannot be written is left out of the record', async () => {
    await configs.putLoggingConfig(SCOPE, { cloudWatchConfig: { logGroupName: '/bedrock', roleArn: ROLE, largeDataDeliveryS3Config: { bucketName: 'missing' } }, textDataDeliveryEnabled: true });
    const logger = await open();
    logger.record(outcome('big', { input: { contentType: 'application/json', json: 'q'.repeat(200_000), modalities: ['text'] } }));
    await logger.close();
    const record = JSON.parse(logs.events('/bedrock', STREAM)[0]?.message ?? '{}') as { input: Record<string, unknown> };
    assert.deepEqual(Object.keys(record.input), ['inputContentType', 'inputTokenCount', 'cacheReadInputTokenCount', 'cacheWriteInputTokenCount']);
    assert.equal(metrics.sum('ModelInvocationLargePayloadsS3DeliveryFailure'), 1, 'a missing bucket is not retried');
  });

  it('replays spooled outcomes after a crash; a graceful close leaves nothing to replay', async () => {
    await configs.putLoggingConfig(SCOPE, cwOnly);
    const crashed = await open({ s3BatchMaxAgeMs: 60_000 });
    await configs.putLoggingConfig(SCOPE, s3Only); // S3 batches wait 60 s, so these are never delivered before the crash
    crashed.record(outcome('a', { output: { contentType: 'image/png', bytes: new Uint8Array([1, 2, 3]), modalities: ['image'] } }));
    crashed.record(outcome('b'));
    await crashed.flushDue(); // spooled and batched; the S3 batch is not due yet
    assert.equal(spool.unreleased, 2);
    // The process dies here: no close(). A new one starts over the same spool, now configured for CloudWatch.
    await configs.putLoggingConfig(SCOPE, cwOnly);
    spool.reopen();
    const restarted = await open();
    await restarted.flush();
    assert.deepEqual(logs.events('/bedrock', STREAM).map((e) => (JSON.parse(e.message) as { requestId: string }).requestId), ['a', 'b']);
    await restarted.close();
    spool.reopen();
    const third = await open();
    await third.flush();
    assert.equal(logs.events('/bedrock', STREAM).length, 2, 'nothing replayed twice');
    await third.close();
  });

  it('follows the configuration as it changes: deleting it stops records, not metrics', async () => {
    await configs.putLoggingConfig(SCOPE, cwOnly);
    const logger = await open();
    logger.record(outcome('logged'));
    await logger.flush();
    await configs.deleteLoggingConfig(SCOPE);
    logger.record(outcome('not-logged'));
    await logger.close();
    assert.deepEqual(logs.events('/bedrock', STREAM).map((e) => (JSON.parse(e.message) as { requestId: string }).requestId), ['logged']);
    assert.equal(metrics.sum('Invocations'), 2);
  });

  it('keeps an outcome in the spool until its metrics are written', async () => {
    let failing = true;
    const flaky = { putMetricData: (...args: Parameters<MemoryMetrics['putMetricData']>) => (failing ? Promise.reject(new Error('metrics down')) : metrics.putMetricData(...args)) };
    const logger = await createInvocationLogger({
      configs, logs, objects, metrics: flaky, spool, clock, logError: (message) => void errors.push(message), sleep: () => Promise.resolve(), options: { tickMs: 1_000_000 },
    });
    logger.record(outcome('a'));
    await logger.flush();
    assert.equal(spool.unreleased, 1, 'not released while its metrics are unwritten');
    assert.ok(errors.some((e) => e.includes('AWS/Bedrock metrics')));
    failing = false;
    await logger.close();
    assert.equal(spool.unreleased, 0);
    assert.equal(metrics.sum('Invocations'), 1);
  });

  it('drops loudly when the queue is full instead of growing without bound', async () => {
    const logger = await open({ maxQueue: 2 });
    for (const id of ['a', 'b', 'c']) logger.record(outcome(id));
    assert.equal(logger.dropped, 1);
    assert.ok(errors.some((e) => e.includes('queue full')));
    await logger.close();
    assert.equal(metrics.sum('Invocations'), 2);
  });
});
