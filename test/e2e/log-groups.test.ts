import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteLogGroupCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  type LogGroup,
} from '@aws-sdk/client-cloudwatch-logs';
import { expectAwsError } from './aws-assert.js';
import { type RunningServer, startServer, TEST_ACCOUNT, uniqueName } from './harness.js';

const TIMEOUT = { timeout: 30_000 };

describe('log groups', { timeout: 120_000 }, () => {
  let server: RunningServer | undefined;
  let logs: CloudWatchLogsClient;

  before(async () => {
    server = await startServer();
    logs = server.logs();
  }, { timeout: 60_000 });
  after(() => server?.stop(), { timeout: 60_000 });

  async function describeAll(input: { logGroupNamePrefix?: string; logGroupNamePattern?: string }, limit?: number): Promise<LogGroup[]> {
    const groups: LogGroup[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < 100; page++) {
      const out = await logs.send(new DescribeLogGroupsCommand({ ...input, limit, nextToken }));
      groups.push(...(out.logGroups ?? []));
      nextToken = out.nextToken;
      if (nextToken === undefined) return groups;
    }
    throw new Error('DescribeLogGroups never stopped returning nextToken');
  }

  test('CreateLogGroup then DescribeLogGroups returns the AWS fields', TIMEOUT, async () => {
    const name = `/e2e/${uniqueName('fields')}`;
    const before = Date.now();
    await logs.send(new CreateLogGroupCommand({ logGroupName: name }));
    const after = Date.now();
    const out = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: name }));
    assert.equal(out.logGroups?.length, 1);
    const group = out.logGroups?.[0];
    assert.equal(group?.logGroupName, name);
    assert.equal(group?.arn, `arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group:${name}:*`);
    assert.equal(group?.logGroupArn, `arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group:${name}`);
    assert.equal(group?.storedBytes, 0);
    assert.equal(group?.metricFilterCount, 0);
    assert.equal(group?.retentionInDays, undefined, 'no retention policy means events never expire');
    assert.equal(group?.logGroupClass, 'STANDARD');
    assert.ok(group?.creationTime !== undefined && group.creationTime >= before - 1000 && group.creationTime <= after + 1000,
      `creationTime ${group?.creationTime} should be epoch ms around ${before}`);
    assert.equal(out.nextToken, undefined);
  });

  test('creating an existing group fails with ResourceAlreadyExistsException', TIMEOUT, async () => {
    const name = uniqueName('dup');
    await logs.send(new CreateLogGroupCommand({ logGroupName: name }));
    await expectAwsError(logs.send(new CreateLogGroupCommand({ logGroupName: name })), 'ResourceAlreadyExistsException');
  });

  test('invalid group names fail with InvalidParameterException', TIMEOUT, async () => {
    for (const bad of ['', 'has space', 'colon:name', 'star*name', 'x'.repeat(513), 'aws/reserved', `aws/${uniqueName('r')}`]) {
      await expectAwsError(logs.send(new CreateLogGroupCommand({ logGroupName: bad })), 'InvalidParameterException');
    }
    const longest = `/${'a'.repeat(511)}`;
    await logs.send(new CreateLogGroupCommand({ logGroupName: longest }));
    await logs.send(new CreateLogGroupCommand({ logGroupName: `#all.allowed-chars_${uniqueName('ok')}/A9` }));
  });

  test('results are in ASCII order of name', TIMEOUT, async () => {
    const prefix = `/${uniqueName('ascii')}/`;
    const suffixes = ['b', 'B', 'a', '_x', '-y', '.z', '#h', 'A1', 'a0', 'Z', '9'];
    for (const suffix of suffixes) await logs.send(new CreateLogGroupCommand({ logGroupName: prefix + suffix }));
    const names = (await describeAll({ logGroupNamePrefix: prefix })).map((g) => g.logGroupName);
    // Code-unit order of ASCII strings is ASCII order.
    assert.deepEqual(names, suffixes.map((s) => prefix + s).sort());
  });

  test('limit and nextToken page through every group exactly once', TIMEOUT, async () => {
    const prefix = `/${uniqueName('page')}/`;
    const expected = Array.from({ length: 7 }, (_, i) => `${prefix}g${i}`);
    for (const name of expected) await logs.send(new CreateLogGroupCommand({ logGroupName: name }));

    const first = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: prefix, limit: 3 }));
    assert.deepEqual(first.logGroups?.map((g) => g.logGroupName), expected.slice(0, 3));
    assert.ok(first.nextToken, 'a partial result carries nextToken');
    assert.deepEqual((await describeAll({ logGroupNamePrefix: prefix }, 3)).map((g) => g.logGroupName), expected);
    assert.deepEqual((await describeAll({ logGroupNamePrefix: prefix }, 7)).map((g) => g.logGroupName), expected);
  });

  test('logGroupNamePrefix matches the start; logGroupNamePattern is a case-sensitive substring', TIMEOUT, async () => {
    const token = `DataLogs${Math.random().toString(36).slice(2, 8)}`;
    const matching = [token, `x/aws/${token}`, `Group${token}`];
    const notMatching = [token.toLowerCase(), `${token.slice(0, 4)}/${token.slice(4)}`, `Group${token.slice(0, 4).toLowerCase()}`];
    for (const name of [...matching, ...notMatching]) await logs.send(new CreateLogGroupCommand({ logGroupName: name }));

    const byPattern = await describeAll({ logGroupNamePattern: token });
    assert.deepEqual(byPattern.map((g) => g.logGroupName), [...matching].sort());
    for (const group of byPattern) {
      // The model documents only arn, creationTime and logGroupName for a pattern search; responses recorded from
      // AWS also carry logGroupArn, logGroupClass and metricFilterCount, but never storedBytes or retention.
      assert.ok(group.arn?.endsWith(':*'));
      assert.equal(typeof group.creationTime, 'number');
      assert.equal(group.storedBytes, undefined);
      assert.equal(group.retentionInDays, undefined);
    }
    const byPrefix = await describeAll({ logGroupNamePrefix: token });
    assert.deepEqual(byPrefix.map((g) => g.logGroupName), [token]);
  });

  test('prefix and pattern together, or a limit out of 1..50, fail with InvalidParameterException', TIMEOUT, async () => {
    await expectAwsError(logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'a', logGroupNamePattern: 'a' })),
      'InvalidParameterException');
    for (const limit of [0, 51, -1]) {
      await expectAwsError(logs.send(new DescribeLogGroupsCommand({ limit })), 'InvalidParameterException');
    }
    const out = await logs.send(new DescribeLogGroupsCommand({ limit: 50 }));
    assert.ok((out.logGroups?.length ?? 0) <= 50);
  });

  test('logGroupClass is kept and can filter the listing', TIMEOUT, async () => {
    const prefix = `/${uniqueName('class')}/`;
    await logs.send(new CreateLogGroupCommand({ logGroupName: `${prefix}ia`, logGroupClass: 'INFREQUENT_ACCESS' }));
    await logs.send(new CreateLogGroupCommand({ logGroupName: `${prefix}std` }));
    const all = await describeAll({ logGroupNamePrefix: prefix });
    assert.deepEqual(all.map((g) => [g.logGroupName, g.logGroupClass]), [[`${prefix}ia`, 'INFREQUENT_ACCESS'], [`${prefix}std`, 'STANDARD']]);
    const ia = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: prefix, logGroupClass: 'INFREQUENT_ACCESS' }));
    assert.deepEqual(ia.logGroups?.map((g) => g.logGroupName), [`${prefix}ia`]);
  });

  test('DeleteLogGroup removes the group and its streams; deleting again is ResourceNotFoundException', TIMEOUT, async () => {
    const name = uniqueName('del');
    await logs.send(new CreateLogGroupCommand({ logGroupName: name }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: name, logStreamName: 's1' }));
    await logs.send(new DeleteLogGroupCommand({ logGroupName: name }));
    assert.deepEqual((await describeAll({ logGroupNamePrefix: name })).length, 0);
    await expectAwsError(logs.send(new DeleteLogGroupCommand({ logGroupName: name })), 'ResourceNotFoundException', /log group/i);
    await expectAwsError(logs.send(new DescribeLogStreamsCommand({ logGroupName: name })), 'ResourceNotFoundException');

    await logs.send(new CreateLogGroupCommand({ logGroupName: name }));
    const streams = await logs.send(new DescribeLogStreamsCommand({ logGroupName: name }));
    assert.deepEqual(streams.logStreams ?? [], [], 'a re-created group starts empty');
  });
});
