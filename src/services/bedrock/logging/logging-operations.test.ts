import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { ManualClock, type RequestContext, ServiceError } from '../../../kernel/index.js';
import type { Operation } from '../../../kernel/index.js';
import { MemoryConfigStore, MemoryLogGroups, MemoryObjects } from './logging-fakes.test-support.js';
import { loggingOperations } from './logging-operations.js';

const ctx = (accountId = '111111111111', region = 'us-east-1'): RequestContext => ({
  caller: { accountId, region, accessKeyId: 'AKIDEXAMPLE', arn: `arn:aws:iam::${accountId}:user/tester`, userId: 'AIDAEXAMPLE' },
  requestId: 'req-1',
  clock: new ManualClock(0),
});
const ROLE = 'arn:aws:iam::111111111111:role/BedrockLogging';

describe('model invocation logging configuration operations', () => {
  let configs: MemoryConfigStore;
  let logs: MemoryLogGroups;
  let objects: MemoryObjects;
  let ops: ReadonlyMap<string, Operation>;
  const call = (name: string, input: unknown, context = ctx()): Promise<unknown> => {
    const op = ops.get(name);
    assert.ok(op);
    return op(input, context);
  };
  const rejectsWith = async (promise: Promise<unknown>, code: string, message: string | RegExp): Promise<void> => {
    await assert.rejects(promise, (error: unknown) => {
      assert.ok(error instanceof ServiceError);
      assert.equal(error.code, code);
      assert.equal(error.httpStatus, 400);
      if (typeof message === 'string') assert.equal(error.message, message);
      else assert.match(error.message, message);
      return true;
    });
  };

  beforeEach(() => {
    configs = new MemoryConfigStore();
    logs = new MemoryLogGroups();
    objects = new MemoryObjects();
    logs.addGroup('/bedrock/logs');
    objects.addBucket('logs-bucket');
    objects.addBucket('eu-bucket', '111111111111', 'eu-west-1');
    objects.addBucket('their-bucket', '999999999999', 'us-east-1');
    ops = loggingOperations({ configs, logs, objects });
  });

  it('Get answers {} until a configuration is put, then returns it; Delete turns logging off', async () => {
    assert.deepEqual(await call('GetModelInvocationLoggingConfiguration', {}), {});
    const loggingConfig = {
      cloudWatchConfig: { logGroupName: '/bedrock/logs', roleArn: ROLE, largeDataDeliveryS3Config: { bucketName: 'logs-bucket', keyPrefix: 'big' } },
      s3Config: { bucketName: 'logs-bucket', keyPrefix: 'bedrock' },
      textDataDeliveryEnabled: true,
      imageDataDeliveryEnabled: false,
    };
    assert.deepEqual(await call('PutModelInvocationLoggingConfiguration', { loggingConfig }), {});
    assert.deepEqual(await call('GetModelInvocationLoggingConfiguration', {}), { loggingConfig });
    assert.deepEqual(await call('GetModelInvocationLoggingConfiguration', {}, ctx('111111111111', 'eu-west-1')), {}, 'per region');
    assert.deepEqual(await call('GetModelInvocationLoggingConfiguration', {}, ctx('222222222222')), {}, 'per account');
    assert.deepEqual(await call('DeleteModelInvocationLoggingConfiguration', {}), {});
    assert.deepEqual(await call('GetModelInvocationLoggingConfiguration', {}), {});
    assert.deepEqual(await call('DeleteModelInvocationLoggingConfiguration', {}), {}, 'deleting nothing succeeds');
  });

  it('writes the zero-byte permission-check marker under the S3 prefix, and it survives Delete', async () => {
    await call('PutModelInvocationLoggingConfiguration', { loggingConfig: { s3Config: { bucketName: 'logs-bucket', keyPrefix: 'bedrock/' } } });
    await call('PutModelInvocationLoggingConfiguration', { loggingConfig: { s3Config: { bucketName: 'logs-bucket' } } });
    await call('DeleteModelInvocationLoggingConfiguration', {});
    assert.deepEqual(objects.keys(), ['logs-bucket/amazon-bedrock-logs-permission-check', 'logs-bucket/bedrock/amazon-bedrock-logs-permission-check']);
    assert.equal(objects.objects.get('logs-bucket/amazon-bedrock-logs-permission-check')?.body.byteLength, 0);
  });

  it('keeps only modeled members', async () => {
    await call('PutModelInvocationLoggingConfiguration', { loggingConfig: { s3Config: { bucketName: 'logs-bucket', extra: 1 }, unknown: true } });
    assert.deepEqual(await call('GetModelInvocationLoggingConfiguration', {}), { loggingConfig: { s3Config: { bucketName: 'logs-bucket' } } });
  });

  it('rejects input that breaks the model constraints with AWS validation text', async () => {
    await rejectsWith(call('PutModelInvocationLoggingConfiguration', {}), 'ValidationException',
      "1 validation error detected: Value null at 'loggingConfig' failed to satisfy constraint: Member must not be null");
    await rejectsWith(call('PutModelInvocationLoggingConfiguration', { loggingConfig: { cloudWatchConfig: { logGroupName: '/bedrock/logs', roleArn: 'not-a-role' } } }),
      'ValidationException',
      "1 validation error detected: Value 'not-a-role' at 'loggingConfig.cloudWatchConfig.roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+");
    await rejectsWith(call('PutModelInvocationLoggingConfiguration', { loggingConfig: { s3Config: { bucketName: 'ab' } } }), 'ValidationException',
      "1 validation error detected: Value 'ab' at 'loggingConfig.s3Config.bucketName' failed to satisfy constraint: Member must have length greater than or equal to 3");
    await rejectsWith(call('PutModelInvocationLoggingConfiguration', { loggingConfig: { cloudWatchConfig: { roleArn: ROLE } } }), 'ValidationException',
      "1 validation error detected: Value null at 'loggingConfig.cloudWatchConfig.logGroupName' failed to satisfy constraint: Member must not be null");
    await assert.rejects(call('PutModelInvocationLoggingConfiguration', { loggingConfig: { textDataDeliveryEnabled: 'yes' } }), { code: 'SerializationException' });
  });

  it('needs a destination', async () => {
    await rejectsWith(call('PutModelInvocationLoggingConfiguration', { loggingConfig: { textDataDeliveryEnabled: true } }), 'ValidationException',
      /At least one logging destination/);
  });

  it('refuses a log group that does not exist, or a role of another account, with the permission-check text', async () => {
    const expected = `Failed to validate permissions for log group: /missing, with role: ${ROLE}. Verify the IAM role permissions are correct.`;
    await rejectsWith(call('PutModelInvocationLoggingConfiguration', { loggingConfig: { cloudWatchConfig: { logGroupName: '/missing', roleArn: ROLE } } }),
      'ValidationException', expected);
    const otherRole = 'arn:aws:iam::999999999999:role/Elsewhere';
    await rejectsWith(call('PutModelInvocationLoggingConfiguration', { loggingConfig: { cloudWatchConfig: { logGroupName: '/bedrock/logs', roleArn: otherRole } } }),
      'ValidationException', `Failed to validate permissions for log group: /bedrock/logs, with role: ${otherRole}. Verify the IAM role permissions are correct.`);
    assert.deepEqual(await call('GetModelInvocationLoggingConfiguration', {}), {}, 'nothing was stored');
  });

  it('refuses buckets that are missing, in another region or of another account (S3 and large-data)', async () => {
    for (const bucketName of ['no-such-bucket', 'eu-bucket', 'their-bucket']) {
      await rejectsWith(call('PutModelInvocationLoggingConfiguration', { loggingConfig: { s3Config: { bucketName } } }), 'ValidationException',
        new RegExp(`^Failed to validate permissions for bucket: ${bucketName}\\.`));
      await rejectsWith(call('PutModelInvocationLoggingConfiguration', {
        loggingConfig: { cloudWatchConfig: { logGroupName: '/bedrock/logs', roleArn: ROLE, largeDataDeliveryS3Config: { bucketName } } },
      }), 'ValidationException', /^Failed to validate permissions for bucket/);
    }
    assert.deepEqual(objects.keys(), [], 'no marker written for a refused configuration');
  });

  it('accepts the same bucket in its own region', async () => {
    await call('PutModelInvocationLoggingConfiguration', { loggingConfig: { s3Config: { bucketName: 'eu-bucket' } } }, ctx('111111111111', 'eu-west-1'));
    assert.deepEqual(await call('GetModelInvocationLoggingConfiguration', {}, ctx('111111111111', 'eu-west-1')), { loggingConfig: { s3Config: { bucketName: 'eu-bucket' } } });
  });
});
