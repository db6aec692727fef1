import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import {
  AssociateKmsKeyCommand,
  type CloudWatchLogsClient,
  CreateLogGroupCommand,
  DeleteRetentionPolicyCommand,
  DescribeLogGroupsCommand,
  DisassociateKmsKeyCommand,
  type LogGroup,
  PutLogEventsCommand,
  PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { expectAwsError } from './aws-assert.js';
import { type RunningServer, startServer, TEST_ACCOUNT, uniqueName } from './harness.js';
import { createGroupWithStreams, filterAll, getAllFromHead, messagesOf } from './logs-helpers.js';

const TIMEOUT = { timeout: 30_000 };
const ALLOWED_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
const KMS_KEY = `arn:aws:kms:us-east-1:${TEST_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const HOUR = 3_600_000;

describe('retention and KMS keys', { timeout: 120_000 }, () => {
  let server: RunningServer | undefined;
  let logs: CloudWatchLogsClient;

  before(async () => {
    // A short purge interval, so expiry is observable whether the server filters on read or purges in the background.
    server = await startServer({ config: { retentionSweepMs: 250 } });
    logs = server.logs();
  }, { timeout: 60_000 });
  after(() => server?.stop(), { timeout: 60_000 });

  async function describeGroup(name: string): Promise<LogGroup | undefined> {
    const out = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: name }));
    return out.logGroups?.find((g) => g.logGroupName === name);
  }

  test('PutRetentionPolicy sets retentionInDays and DeleteRetentionPolicy removes it', TIMEOUT, async () => {
    const name = uniqueName('ret');
    await logs.send(new CreateLogGroupCommand({ logGroupName: name }));
    await logs.send(new PutRetentionPolicyCommand({ logGroupName: name, retentionInDays: 7 }));
    assert.equal((await describeGroup(name))?.retentionInDays, 7);
    await logs.send(new PutRetentionPolicyCommand({ logGroupName: name, retentionInDays: 3653 }));
    assert.equal((await describeGroup(name))?.retentionInDays, 3653);
    await logs.send(new DeleteRetentionPolicyCommand({ logGroupName: name }));
    assert.equal((await describeGroup(name))?.retentionInDays, undefined);
  });

  test('every documented retention value is accepted; anything else is InvalidParameterException', TIMEOUT, async () => {
    const name = uniqueName('ret-values');
    await logs.send(new CreateLogGroupCommand({ logGroupName: name }));
    for (const days of ALLOWED_DAYS) await logs.send(new PutRetentionPolicyCommand({ logGroupName: name, retentionInDays: days }));
    for (const days of [0, 2, 4, 10, 366, 3654, -1]) {
      await expectAwsError(logs.send(new PutRetentionPolicyCommand({ logGroupName: name, retentionInDays: days })), 'InvalidParameterException');
    }
    assert.equal((await describeGroup(name))?.retentionInDays, 3653, 'a refused value leaves the policy as it was');
  });

  test('retention calls on a missing group are ResourceNotFoundException', TIMEOUT, async () => {
    const name = uniqueName('ret-missing');
    await expectAwsError(logs.send(new PutRetentionPolicyCommand({ logGroupName: name, retentionInDays: 1 })), 'ResourceNotFoundException');
    await expectAwsError(logs.send(new DeleteRetentionPolicyCommand({ logGroupName: name })), 'ResourceNotFoundException');
  });

  test('events older than a new retention period disappear from reads', TIMEOUT, async () => {
    const name = uniqueName('ret-expire');
    await createGroupWithStreams(logs, name, ['s']);
    const now = Date.now();
    await logs.send(new PutLogEventsCommand({ logGroupName: name, logStreamName: 's', logEvents: [
      { timestamp: now - 40 * HOUR, message: 'old-1' }, { timestamp: now - 39 * HOUR, message: 'old-2' },
    ] }));
    await logs.send(new PutLogEventsCommand({ logGroupName: name, logStreamName: 's', logEvents: [{ timestamp: now - 60_000, message: 'fresh' }] }));
    assert.deepEqual(messagesOf(await getAllFromHead(logs, { group: name, stream: 's' })), ['old-1', 'old-2', 'fresh']);

    await logs.send(new PutRetentionPolicyCommand({ logGroupName: name, retentionInDays: 1 }));
    const deadline = Date.now() + 15_000;
    let seen: string[] = [];
    while (Date.now() < deadline) {
      seen = messagesOf(await filterAll(logs, { logGroupName: name }));
      if (seen.length === 1) break;
      await sleep(250);
    }
    assert.deepEqual(seen, ['fresh'], 'FilterLogEvents no longer returns expired events');
    assert.deepEqual(messagesOf(await getAllFromHead(logs, { group: name, stream: 's' })), ['fresh'], 'nor does GetLogEvents');
  });

  test('AssociateKmsKey shows kmsKeyId on the group; DisassociateKmsKey removes it', TIMEOUT, async () => {
    const name = uniqueName('kms');
    await logs.send(new CreateLogGroupCommand({ logGroupName: name }));
    await logs.send(new AssociateKmsKeyCommand({ logGroupName: name, kmsKeyId: KMS_KEY }));
    assert.equal((await describeGroup(name))?.kmsKeyId, KMS_KEY);
    await logs.send(new DisassociateKmsKeyCommand({ logGroupName: name }));
    assert.equal((await describeGroup(name))?.kmsKeyId, undefined);

    const arn = `arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group:${name}`;
    await logs.send(new AssociateKmsKeyCommand({ resourceIdentifier: arn, kmsKeyId: KMS_KEY }));
    assert.equal((await describeGroup(name))?.kmsKeyId, KMS_KEY, 'resourceIdentifier may be the log group ARN');
    await logs.send(new DisassociateKmsKeyCommand({ resourceIdentifier: arn }));
    assert.equal((await describeGroup(name))?.kmsKeyId, undefined);
  });

  test('CreateLogGroup with kmsKeyId keeps it', TIMEOUT, async () => {
    const name = uniqueName('kms-create');
    await logs.send(new CreateLogGroupCommand({ logGroupName: name, kmsKeyId: KMS_KEY }));
    assert.equal((await describeGroup(name))?.kmsKeyId, KMS_KEY);
  });

  test('KMS errors: missing group, both or neither target', TIMEOUT, async () => {
    const name = uniqueName('kms-err');
    await expectAwsError(logs.send(new AssociateKmsKeyCommand({ logGroupName: name, kmsKeyId: KMS_KEY })), 'ResourceNotFoundException');
    await expectAwsError(logs.send(new DisassociateKmsKeyCommand({ logGroupName: name })), 'ResourceNotFoundException');
    await logs.send(new CreateLogGroupCommand({ logGroupName: name }));
    const arn = `arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group:${name}`;
    await expectAwsError(logs.send(new AssociateKmsKeyCommand({ logGroupName: name, resourceIdentifier: arn, kmsKeyId: KMS_KEY })),
      'InvalidParameterException');
    await expectAwsError(logs.send(new AssociateKmsKeyCommand({ kmsKeyId: KMS_KEY })), 'InvalidParameterException');
    await expectAwsError(logs.send(new DisassociateKmsKeyCommand({})), 'InvalidParameterException');
  });
});
