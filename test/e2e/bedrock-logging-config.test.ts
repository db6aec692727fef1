import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  DeleteModelInvocationLoggingConfigurationCommand, GetModelInvocationLoggingConfigurationCommand,
  PutModelInvocationLoggingConfigurationCommand, type LoggingConfig,
} from '@aws-sdk/client-bedrock';
import { CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { expectAwsError } from './aws-assert.js';
import { GATEWAY_CONFIG, HAIKU } from './bedrock-helpers.js';
import { eventFor, expectedRecordLine, isoSecond, listKeys } from './bedrock-logging-helpers.js';
import { REGION, startServer, TEST_ACCOUNT, TEST_CREDENTIALS, type RunningServer } from './harness.js';

/*
 * The logging-configuration operations through @aws-sdk/client-bedrock: AWS's validation texts and statuses, the
 * permission-check marker seen through ListObjectsV2, persistence across a restart, and boto3 doing the same.
 */
const ROLE = `arn:aws:iam::${TEST_ACCOUNT}:role/BedrockLogging`;
const GROUP = '/bedrock/config-e2e';
const BUCKET = 'config-e2e-logs';
const LONG_ROLE = `arn:aws:iam::${TEST_ACCOUNT}:role/${'r'.repeat(2040)}`;
const ROLE_PATTERN = 'arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+';
const permissionFailure = (group: string, role: string): string =>
  `Failed to validate permissions for log group: ${group}, with role: ${role}. Verify the IAM role permissions are correct.`;
const bucketFailure = (bucket: string): string =>
  `Failed to validate permissions for bucket: ${bucket}. Verify the bucket exists in the same account and region and its bucket policy allows bedrock.amazonaws.com to write to it.`;
const oneViolation = (value: string, path: string, constraint: string): string =>
  `1 validation error detected: Value '${value}' at '${path}' failed to satisfy constraint: ${constraint}`;

describe('model invocation logging configuration', { timeout: 120_000 }, () => {
  let server: RunningServer;
  let dataDir = '';
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'modelwatch-logging-config-'));
    server = await startServer({ dataDir, config: GATEWAY_CONFIG });
    await server.logs().send(new CreateLogGroupCommand({ logGroupName: GROUP }));
    await server.s3().send(new CreateBucketCommand({ Bucket: BUCKET }));
  });
  after(async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
  const put = (loggingConfig: LoggingConfig) => server.bedrock().send(new PutModelInvocationLoggingConfigurationCommand({ loggingConfig }));

  it('refuses each invalid configuration with ValidationException 400 and AWS\'s text', async () => {
    const cases: Array<[LoggingConfig, string]> = [
      [{ cloudWatchConfig: { logGroupName: '/missing', roleArn: ROLE } }, permissionFailure('/missing', ROLE)],
      [{ cloudWatchConfig: { logGroupName: GROUP, roleArn: 'arn:aws:iam::111111111111:role/Other' } }, permissionFailure(GROUP, 'arn:aws:iam::111111111111:role/Other')],
      [{ s3Config: { bucketName: 'no-such-bucket' } }, bucketFailure('no-such-bucket')],
      [{ cloudWatchConfig: { logGroupName: GROUP, roleArn: ROLE, largeDataDeliveryS3Config: { bucketName: 'no-such-large' } } }, bucketFailure('no-such-large')],
      [{ textDataDeliveryEnabled: true }, 'At least one logging destination must be specified: cloudWatchConfig or s3Config.'],
      [{ cloudWatchConfig: { logGroupName: GROUP, roleArn: 'not-a-role' } },
        oneViolation('not-a-role', 'loggingConfig.cloudWatchConfig.roleArn', `Member must satisfy regular expression pattern: ${ROLE_PATTERN}`)],
      [{ cloudWatchConfig: { logGroupName: '', roleArn: ROLE } },
        oneViolation('', 'loggingConfig.cloudWatchConfig.logGroupName', 'Member must have length greater than or equal to 1')],
      [{ cloudWatchConfig: { logGroupName: 'g'.repeat(513), roleArn: ROLE } },
        oneViolation('g'.repeat(513), 'loggingConfig.cloudWatchConfig.logGroupName', 'Member must have length less than or equal to 512')],
      [{ cloudWatchConfig: { logGroupName: GROUP, roleArn: LONG_ROLE } },
        oneViolation(LONG_ROLE, 'loggingConfig.cloudWatchConfig.roleArn', 'Member must have length less than or equal to 2048')],
      [{ s3Config: { bucketName: 'ab' } }, oneViolation('ab', 'loggingConfig.s3Config.bucketName', 'Member must have length greater than or equal to 3')],
      [{ s3Config: { bucketName: 'b'.repeat(64) } }, oneViolation('b'.repeat(64), 'loggingConfig.s3Config.bucketName', 'Member must have length less than or equal to 63')],
      [{ cloudWatchConfig: { logGroupName: GROUP, roleArn: ROLE, largeDataDeliveryS3Config: { bucketName: 'xy' } } },
        oneViolation('xy', 'loggingConfig.cloudWatchConfig.largeDataDeliveryS3Config.bucketName', 'Member must have length greater than or equal to 3')],
      [{ s3Config: { bucketName: BUCKET, keyPrefix: 'p'.repeat(1025) } },
        oneViolation('p'.repeat(1025), 'loggingConfig.s3Config.keyPrefix', 'Member must have length less than or equal to 1024')],
    ];
    for (const [loggingConfig, message] of cases) {
      const error = await expectAwsError(put(loggingConfig), 'ValidationException');
      assert.equal(error.message, message, JSON.stringify(loggingConfig).slice(0, 200));
      assert.equal(error.$metadata?.httpStatusCode, 400);
    }
    assert.deepEqual(
      (await server.bedrock().send(new GetModelInvocationLoggingConfigurationCommand({}))).loggingConfig, undefined,
      'no refused configuration was stored',
    );
  });

  it('writes the permission-check marker under the prefix, keeps it after Delete, and keeps the configuration across a restart', async () => {
    const loggingConfig: LoggingConfig = {
      cloudWatchConfig: { logGroupName: GROUP, roleArn: ROLE },
      s3Config: { bucketName: BUCKET, keyPrefix: 'bedrock' },
      textDataDeliveryEnabled: true,
      embeddingDataDeliveryEnabled: false,
    };
    await put(loggingConfig);
    assert.deepEqual(await listKeys(server.s3(), BUCKET), ['bedrock/amazon-bedrock-logs-permission-check']);
    await server.stop();
    server = await startServer({ dataDir, config: GATEWAY_CONFIG });
    const got = await server.bedrock().send(new GetModelInvocationLoggingConfigurationCommand({}));
    assert.deepEqual(got.loggingConfig, loggingConfig);
    assert.equal(got.$metadata.httpStatusCode, 200);
    await server.bedrock().send(new DeleteModelInvocationLoggingConfigurationCommand({}));
    assert.equal((await server.bedrock().send(new GetModelInvocationLoggingConfigurationCommand({}))).loggingConfig, undefined);
    assert.deepEqual(await listKeys(server.s3(), BUCKET), ['bedrock/amazon-bedrock-logs-permission-check'], 'the marker survives Delete');
    const again = await server.bedrock().send(new DeleteModelInvocationLoggingConfigurationCommand({}));
    assert.equal(again.$metadata.httpStatusCode, 200, 'Delete with nothing configured succeeds');
  });

  it('boto3: converse with logging configured, and get_model_invocation_logging_configuration', async () => {
    const home = await mkdtemp(join(tmpdir(), 'modelwatch-boto3-logging-'));
    try {
      const script = `
import boto3, json, sys
from botocore.config import Config
cfg = Config(retries={'max_attempts': 1})
bedrock = boto3.client('bedrock', endpoint_url=sys.argv[1], config=cfg)
rt = boto3.client('bedrock-runtime', endpoint_url=sys.argv[1], config=cfg)
bedrock.put_model_invocation_logging_configuration(loggingConfig={
  'cloudWatchConfig': {'logGroupName': sys.argv[3], 'roleArn': sys.argv[4]}, 'textDataDeliveryEnabled': True})
got = bedrock.get_model_invocation_logging_configuration()
c = rt.converse(modelId=sys.argv[2], messages=[{'role': 'user', 'content': [{'text': 'hi from boto3'}]}])
print(json.dumps({'config': got['loggingConfig'], 'requestId': c['ResponseMetadata']['RequestId'],
  'output': c['output'], 'stopReason': c['stopReason'], 'metrics': c['metrics'], 'usage': c['usage']}))
`;
      const env = {
        PATH: process.env['PATH'], HOME: home, AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey, AWS_DEFAULT_REGION: REGION,
      };
      const sentAt = Date.now();
      const run = spawnSync('python3', ['-c', script, server.endpoint, HAIKU, GROUP, ROLE], { env, encoding: 'utf8', timeout: 60_000 });
      assert.equal(run.status, 0, run.stderr);
      const out = JSON.parse(run.stdout) as {
        config: unknown; requestId: string; output: unknown; stopReason: string; metrics: unknown; usage: { inputTokens: number; outputTokens: number };
      };
      assert.deepEqual(out.config, { cloudWatchConfig: { logGroupName: GROUP, roleArn: ROLE }, textDataDeliveryEnabled: true });
      const event = await eventFor(server.logs(), GROUP, out.requestId);
      assert.ok((event.timestamp ?? 0) >= sentAt);
      assert.equal(event.message, expectedRecordLine({
        timestamp: isoSecond(event.timestamp ?? 0), accountId: TEST_ACCOUNT, arn: `arn:aws:iam::${TEST_ACCOUNT}:root`, region: REGION,
        requestId: out.requestId, operation: 'Converse', modelId: HAIKU,
        input: { json: { messages: [{ role: 'user', content: [{ text: 'hi from boto3' }] }] } },
        output: { json: { output: out.output, stopReason: out.stopReason, metrics: out.metrics, usage: out.usage } },
        usage: out.usage,
      }));
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
