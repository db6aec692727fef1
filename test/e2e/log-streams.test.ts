import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteLogStreamCommand,
  DescribeLogStreamsCommand,
  type DescribeLogStreamsCommandInput,
  GetLogEventsCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { expectAwsError } from './aws-assert.js';
import { type RunningServer, startServer, TEST_ACCOUNT, uniqueName } from './harness.js';
import { createGroupWithStreams } from './logs-helpers.js';

const TIMEOUT = { timeout: 30_000 };

describe('log streams', { timeout: 120_000 }, () => {
  let server: RunningServer | undefined;
  let logs: CloudWatchLogsClient;

  before(async () => {
    server = await startServer();
    logs = server.logs();
  }, { timeout: 60_000 });
  after(() => server?.stop(), { timeout: 60_000 });

  async function streamNames(input: DescribeLogStreamsCommandInput): Promise<string[]> {
    const names: string[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < 100; page++) {
      const out = await logs.send(new DescribeLogStreamsCommand({ ...input, nextToken }));
      names.push(...(out.logStreams ?? []).map((s) => s.logStreamName ?? '<missing>'));
      nextToken = out.nextToken;
      if (nextToken === undefined) return names;
    }
    throw new Error('DescribeLogStreams never stopped returning nextToken');
  }

  test('CreateLogStream then DescribeLogStreams returns the AWS fields', TIMEOUT, async () => {
    const group = uniqueName('/streams/fields');
    await createGroupWithStreams(logs, group, ['web-1']);
    const out = await logs.send(new DescribeLogStreamsCommand({ logGroupName: group }));
    assert.equal(out.logStreams?.length, 1);
    const stream = out.logStreams?.[0];
    assert.equal(stream?.logStreamName, 'web-1');
    assert.equal(stream?.arn, `arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group:${group}:log-stream:web-1`);
    assert.equal(stream?.storedBytes, 0);
    assert.equal(typeof stream?.creationTime, 'number');
    assert.equal(stream?.firstEventTimestamp, undefined, 'no events yet');
    assert.equal(stream?.lastEventTimestamp, undefined, 'no events yet');
  });

  test('event timestamps show up on the stream after PutLogEvents', TIMEOUT, async () => {
    const group = uniqueName('times');
    await createGroupWithStreams(logs, group, ['s']);
    const base = Date.now() - 10 * 60_000;
    const sentAt = Date.now();
    await logs.send(new PutLogEventsCommand({
      logGroupName: group, logStreamName: 's',
      logEvents: [{ timestamp: base, message: 'first' }, { timestamp: base + 500, message: 'last' }],
    }));
    const stream = (await logs.send(new DescribeLogStreamsCommand({ logGroupName: group }))).logStreams?.[0];
    assert.equal(stream?.firstEventTimestamp, base);
    assert.equal(stream?.lastEventTimestamp, base + 500);
    assert.ok((stream?.lastIngestionTime ?? 0) >= sentAt - 1000, 'lastIngestionTime is the server receive time');
  });

  test('errors: duplicate, missing group, bad names', TIMEOUT, async () => {
    const group = uniqueName('errs');
    await createGroupWithStreams(logs, group, ['s']);
    await expectAwsError(logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: 's' })),
      'ResourceAlreadyExistsException');
    await expectAwsError(logs.send(new CreateLogStreamCommand({ logGroupName: uniqueName('nogroup'), logStreamName: 's' })),
      'ResourceNotFoundException');
    for (const bad of ['', 'a:b', 'a*b', 'x'.repeat(513)]) {
      await expectAwsError(logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: bad })), 'InvalidParameterException');
    }
    // Stream names are far less restricted than group names.
    await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: '2024/01/01/[$LATEST] abc def' }));
    await expectAwsError(logs.send(new DescribeLogStreamsCommand({ logGroupName: uniqueName('nogroup') })), 'ResourceNotFoundException');
  });

  test('ASCII order by name, descending, prefix, and paging with limit + nextToken', TIMEOUT, async () => {
    const group = uniqueName('order');
    const names = ['b', 'B', 'a', 'a-2', 'a_1', 'A', '0', 'z.z', 'app/1', 'app/2'];
    await createGroupWithStreams(logs, group, names);
    const ascii = [...names].sort();
    assert.deepEqual(await streamNames({ logGroupName: group }), ascii);
    assert.deepEqual(await streamNames({ logGroupName: group, limit: 3 }), ascii);
    assert.deepEqual(await streamNames({ logGroupName: group, descending: true }), [...ascii].reverse());
    assert.deepEqual(await streamNames({ logGroupName: group, logStreamNamePrefix: 'app/', limit: 1 }), ['app/1', 'app/2']);
    const page = await logs.send(new DescribeLogStreamsCommand({ logGroupName: group, limit: 4 }));
    assert.equal(page.logStreams?.length, 4);
    assert.ok(page.nextToken);
  });

  test('orderBy LastEventTime sorts by the last event, and refuses a prefix', TIMEOUT, async () => {
    const group = uniqueName('lastevent');
    await createGroupWithStreams(logs, group, ['a', 'b', 'c']);
    const now = Date.now();
    const put = (stream: string, timestamp: number) => logs.send(new PutLogEventsCommand({
      logGroupName: group, logStreamName: stream, logEvents: [{ timestamp, message: stream }],
    }));
    await put('b', now - 30_000);
    await put('c', now - 20_000);
    await put('a', now - 10_000);
    assert.deepEqual(await streamNames({ logGroupName: group, orderBy: 'LastEventTime' }), ['b', 'c', 'a']);
    assert.deepEqual(await streamNames({ logGroupName: group, orderBy: 'LastEventTime', descending: true }), ['a', 'c', 'b']);
    assert.deepEqual(await streamNames({ logGroupName: group, orderBy: 'LastEventTime', descending: true, limit: 2 }), ['a', 'c', 'b']);
    await expectAwsError(logs.send(new DescribeLogStreamsCommand({ logGroupName: group, orderBy: 'LastEventTime', logStreamNamePrefix: 'a' })),
      'InvalidParameterException');
  });

  test('logGroupIdentifier takes a name or an ARN; exactly one of name/identifier', TIMEOUT, async () => {
    const group = uniqueName('ident');
    await createGroupWithStreams(logs, group, ['s1', 's2']);
    const arn = `arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group:${group}`;
    assert.deepEqual(await streamNames({ logGroupIdentifier: group }), ['s1', 's2']);
    assert.deepEqual(await streamNames({ logGroupIdentifier: arn }), ['s1', 's2']);
    // Observed on AWS (recorded in LocalStack's parity snapshots): ValidationException, not InvalidParameterException.
    await expectAwsError(logs.send(new DescribeLogStreamsCommand({ logGroupName: group, logGroupIdentifier: group })), 'ValidationException',
      /mutually exclusive/);
    await expectAwsError(logs.send(new DescribeLogStreamsCommand({})), 'InvalidParameterException');
  });

  test('limit out of 1..50 fails with InvalidParameterException', TIMEOUT, async () => {
    const group = uniqueName('limit');
    await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    for (const limit of [0, 51]) {
      await expectAwsError(logs.send(new DescribeLogStreamsCommand({ logGroupName: group, limit })), 'InvalidParameterException');
    }
  });

  test('DeleteLogStream removes the stream and its events', TIMEOUT, async () => {
    const group = uniqueName('delstream');
    await createGroupWithStreams(logs, group, ['keep', 'gone']);
    await logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: 'gone', logEvents: [{ timestamp: Date.now(), message: 'x' }] }));
    await logs.send(new DeleteLogStreamCommand({ logGroupName: group, logStreamName: 'gone' }));
    assert.deepEqual(await streamNames({ logGroupName: group }), ['keep']);
    await expectAwsError(logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: 'gone' })), 'ResourceNotFoundException');
    await expectAwsError(logs.send(new DeleteLogStreamCommand({ logGroupName: group, logStreamName: 'gone' })), 'ResourceNotFoundException');
    await expectAwsError(logs.send(new DeleteLogStreamCommand({ logGroupName: uniqueName('nogroup'), logStreamName: 'keep' })),
      'ResourceNotFoundException');
    await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: 'gone' }));
    const events = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: 'gone', startFromHead: true }));
    assert.deepEqual(events.events ?? [], [], 'a re-created stream starts empty');
  });
});
