import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { ManualClock, type RequestContext } from '../../src/kernel/index.js';
import type { InvocationOutcome } from '../../src/services/bedrock/invocation-outcome.js';
import { buildInvocationRecord } from '../../src/services/bedrock/logging/build-invocation-record.js';
import { loggingOperations } from '../../src/services/bedrock/logging/index.js';
import { MemoryObjects } from '../../src/services/bedrock/logging/logging-fakes.test-support.js';
import { planRecordBodies } from '../../src/services/bedrock/logging/plan-record-bodies.js';
import { createLogIngest } from '../../src/services/logs/index.js';
import { openDuckDbStorage } from '../../src/storage-duckdb/index.js';
import type { Storage } from '../../src/storage/index.js';
import { openDeliverySpoolFile } from '../../src/storage-local/delivery-spool-file.js';
import { DELIVERY_SPOOL_DIR, openInvocationLogging } from '../../src/server/invocation-logging.js';

/*
 * Invocation logging over the real embedded store, in process: the logging-configuration operations, the logger
 * with its file spool, the Logs ingest and the DuckDB metric store; outcomes are handed to the logger directly and
 * S3 is the in-memory object store. The same paths through the running server and the SDK clients are proven in
 * bedrock-logging-{records,config,errors,backends,restart}.test.ts.
 */
const SCOPE = { accountId: '111111111111', region: 'us-east-1' };
const T0 = Date.UTC(2025, 5, 1, 9, 30, 0, 0);
const ctx: RequestContext = {
  caller: { ...SCOPE, accessKeyId: 'AK', arn: 'arn:aws:iam::111111111111:user/alice', userId: 'U' },
  requestId: 'control-1',
  clock: new ManualClock(T0),
};
const outcome = (requestId: string, startedAt: number): InvocationOutcome => ({
  operation: 'Converse',
  caller: ctx.caller,
  requestId,
  modelId: 'amazon.nova-micro-v1:0',
  startedAt,
  latencyMs: 90,
  input: { contentType: 'application/json', json: { messages: [{ role: 'user', content: [{ text: requestId }] }] }, modalities: ['text'] },
  output: { contentType: 'application/json', json: { stopReason: 'end_turn' }, modalities: ['text'] },
  usage: { inputTokens: 5, outputTokens: 7 },
});

describe('invocation logging pipeline over the embedded store', () => {
  let dataDir = '';
  let storage: Storage;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'modelwatch-bedrock-logging-'));
    storage = await openDuckDbStorage({ dataDir });
  });
  after(async () => {
    await storage.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('configures logging, delivers records byte for byte to CloudWatch Logs and S3, writes AWS/Bedrock metrics, and keeps the configuration across a restart', async () => {
    const clock = new ManualClock(T0 + 1_000);
    await storage.logs.createLogGroup(SCOPE, { logGroupName: '/bedrock/invocations', creationTime: T0, logGroupClass: 'STANDARD', deletionProtectionEnabled: false, tags: {} });
    const objects = new MemoryObjects();
    objects.addBucket('invocation-logs');
    const { logger, operations: ops } = await openInvocationLogging({
      storage, dataDir, clock, objects, logError: (message, error) => assert.fail(`${message}: ${String(error)}`),
    });
    const loggingConfig = {
      cloudWatchConfig: { logGroupName: '/bedrock/invocations', roleArn: 'arn:aws:iam::111111111111:role/BedrockLogs' },
      s3Config: { bucketName: 'invocation-logs', keyPrefix: 'bedrock' },
      textDataDeliveryEnabled: true,
    };
    await ops.get('PutModelInvocationLoggingConfiguration')?.({ loggingConfig }, ctx);

    const outcomes = [outcome('r-1', T0), outcome('r-2', T0 + 10), outcome('r-3', T0 + 20)];
    for (const o of outcomes) logger.record(o);
    await logger.close();

    const lines = outcomes.map((o) => JSON.stringify(buildInvocationRecord(o, planRecordBodies({ outcome: o, config: loggingConfig, largeData: undefined, uuid: 'x' }))));
    const events = await storage.logs.readStream(SCOPE, '/bedrock/invocations', 'aws/bedrock/modelinvocations', { direction: 'forward', limit: 10 });
    assert.deepEqual(events.map((e) => [e.timestamp, e.message]), outcomes.map((o, i) => [o.startedAt, lines[i]]));
    const recordKeys = objects.keys().filter((k) => k.endsWith('.json.gz'));
    assert.equal(recordKeys.length, 1);
    assert.match(recordKeys[0] ?? '', /^invocation-logs\/bedrock\/AWSLogs\/111111111111\/BedrockModelInvocationLogs\/us-east-1\/2025\/06\/01\/09\/20250601T093000000Z_[0-9a-f]{16}\.json\.gz$/);
    assert.equal(gunzipSync(objects.objects.get(recordKeys[0] ?? '')?.body ?? new Uint8Array()).toString('utf8'), `${lines.join('\n')}\n`);
    assert.ok(objects.objects.has('invocation-logs/bedrock/amazon-bedrock-logs-permission-check'));

    const metric = (metricName: string, dimensions = [{ name: 'ModelId', value: 'amazon.nova-micro-v1:0' }]) => ({ namespace: 'AWS/Bedrock', metricName, dimensions });
    const [invocations, outputTokens, cwDelivery] = await storage.metrics.aggregate(SCOPE, {
      metrics: [{ metric: metric('Invocations') }, { metric: metric('OutputTokenCount') }, { metric: metric('ModelInvocationLogsCloudWatchDeliverySuccess', []) }],
      start: T0 - 3_600_000, end: T0 + 3_600_000, periodSeconds: 3600, withDistribution: false,
    });
    assert.equal(invocations?.[0]?.sum, 3);
    assert.equal(outputTokens?.[0]?.sum, 21);
    assert.equal(cwDelivery?.[0]?.sum, 1);

    await storage.close();
    storage = await openDuckDbStorage({ dataDir });
    const reopened = loggingOperations({ configs: storage.bedrockConfig, logs: createLogIngest({ store: storage.logs, now: () => clock.now() }), objects });
    assert.deepEqual(await reopened.get('GetModelInvocationLoggingConfiguration')?.({}, ctx), { loggingConfig }, 'the configuration survived the restart');
    const spoolAgain = await openDeliverySpoolFile({ dir: join(dataDir, DELIVERY_SPOOL_DIR) });
    assert.deepEqual(spoolAgain.takeRecovered(), [], 'a graceful close left nothing to replay');
    await spoolAgain.close();
  });
});
