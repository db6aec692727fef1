import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type CloudWatchLogsClient,
  GetLogEventsCommand,
  type GetLogEventsCommandInput,
  type OutputLogEvent,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { expectAwsError } from './aws-assert.js';
import { type RunningServer, startServer, TEST_ACCOUNT, uniqueName } from './harness.js';
import { createGroupWithStreams, messagesOf } from './logs-helpers.js';

const TIMEOUT = { timeout: 30_000 };
const COUNT = 10;

describe('GetLogEvents', { timeout: 120_000 }, () => {
  let server: RunningServer | undefined;
  let logs: CloudWatchLogsClient;
  const group = uniqueName('get');
  const stream = 'main';
  let base = 0;
  const all = Array.from({ length: COUNT }, (_, i) => `m${i}`);

  before(async () => {
    server = await startServer();
    logs = server.logs();
    await createGroupWithStreams(logs, group, [stream, 'empty']);
    base = Date.now() - 60_000;
    const logEvents = all.map((message, i) => ({ timestamp: base + i * 1000, message }));
    await logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents }));
  }, { timeout: 60_000 });
  after(() => server?.stop(), { timeout: 60_000 });

  const get = (input: Omit<GetLogEventsCommandInput, 'logStreamName'>) =>
    logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, ...input }));

  test('without a limit returns every event with timestamp, message and ingestionTime', TIMEOUT, async () => {
    const out = await get({ startFromHead: true });
    assert.deepEqual(messagesOf(out.events ?? []), all);
    for (const [i, event] of (out.events ?? []).entries()) {
      assert.equal(event.timestamp, base + i * 1000);
      assert.equal(typeof event.ingestionTime, 'number');
    }
    assert.ok(out.nextForwardToken && out.nextBackwardToken, 'both tokens are always present');
  });

  test('default (startFromHead=false) returns the latest page, ascending within it', TIMEOUT, async () => {
    const out = await get({ limit: 3 });
    assert.deepEqual(messagesOf(out.events ?? []), ['m7', 'm8', 'm9']);
  });

  test('paging forward from the head ends when the token comes back unchanged', TIMEOUT, async () => {
    const pages: string[][] = [];
    let token: string | undefined;
    for (let i = 0; i < 20; i++) {
      const out = await get({ startFromHead: true, limit: 3, nextToken: token });
      assert.ok(out.nextForwardToken, 'nextForwardToken is never null');
      if (out.nextForwardToken === token) {
        assert.deepEqual(out.events ?? [], [], 'the end page is empty');
        break;
      }
      pages.push(messagesOf(out.events ?? []));
      token = out.nextForwardToken;
    }
    assert.deepEqual(pages.flat(), all);
    assert.deepEqual(pages[0], ['m0', 'm1', 'm2']);
    const again = await get({ startFromHead: true, limit: 3, nextToken: token });
    assert.equal(again.nextForwardToken, token, 'at the end the same token is returned again');
  });

  test('paging backward from the tail reaches the head and stops', TIMEOUT, async () => {
    const pages: string[][] = [];
    let token: string | undefined;
    for (let i = 0; i < 20; i++) {
      const out = await get({ limit: 3, nextToken: token });
      assert.ok(out.nextBackwardToken, 'nextBackwardToken is never null');
      pages.push(messagesOf(out.events ?? []));
      if (out.nextBackwardToken === token) break;
      token = out.nextBackwardToken;
    }
    assert.deepEqual(pages[0], ['m7', 'm8', 'm9']);
    assert.deepEqual(pages.reverse().flat(), all);
  });

  test('a forward token at the end picks up events written later', TIMEOUT, async () => {
    const tailGroup = uniqueName('tail');
    await createGroupWithStreams(logs, tailGroup, ['s']);
    const read = (nextToken?: string) => logs.send(new GetLogEventsCommand({ logGroupName: tailGroup, logStreamName: 's', startFromHead: true, nextToken }));
    const now = Date.now();
    await logs.send(new PutLogEventsCommand({ logGroupName: tailGroup, logStreamName: 's', logEvents: [{ timestamp: now - 5000, message: 'a' }] }));
    const first = await read();
    assert.deepEqual(messagesOf(first.events ?? []), ['a']);
    const end = await read(first.nextForwardToken);
    assert.deepEqual(end.events ?? [], []);
    await logs.send(new PutLogEventsCommand({ logGroupName: tailGroup, logStreamName: 's', logEvents: [{ timestamp: now, message: 'b' }] }));
    const later = await read(end.nextForwardToken);
    assert.deepEqual(messagesOf(later.events ?? []), ['b']);
  });

  test('startTime is inclusive and endTime exclusive', TIMEOUT, async () => {
    const out = await get({ startFromHead: true, startTime: base + 2000, endTime: base + 5000 });
    assert.deepEqual(messagesOf(out.events ?? []), ['m2', 'm3', 'm4']);
    const latest = await get({ startTime: base + 2000, endTime: base + 5000, limit: 2 });
    assert.deepEqual(messagesOf(latest.events ?? []), ['m3', 'm4']);
  });

  test('an empty stream returns no events but both tokens', TIMEOUT, async () => {
    const out = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: 'empty' }));
    assert.deepEqual(out.events ?? [], []);
    assert.ok(out.nextForwardToken && out.nextBackwardToken);
  });

  test('logGroupIdentifier accepts the log group ARN', TIMEOUT, async () => {
    const arn = `arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group:${group}`;
    const out = await logs.send(new GetLogEventsCommand({ logGroupIdentifier: arn, logStreamName: stream, startFromHead: true }));
    assert.deepEqual(messagesOf(out.events ?? []), all);
  });

  test('errors: limit out of range, missing stream or group, name and identifier together', TIMEOUT, async () => {
    for (const limit of [0, 10_001]) await expectAwsError(get({ limit }), 'InvalidParameterException');
    await expectAwsError(logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: 'nope' })), 'ResourceNotFoundException');
    await expectAwsError(logs.send(new GetLogEventsCommand({ logGroupName: uniqueName('nope'), logStreamName: stream })),
      'ResourceNotFoundException');
    // AWS documents "not both" without naming the error; DescribeLogStreams is observed to send ValidationException.
    await expectAwsError(get({ logGroupIdentifier: group }), ['ValidationException', 'InvalidParameterException']);
  });

  test('events in one page are ascending even when written out of order across calls', TIMEOUT, async () => {
    const mixed = uniqueName('mixed');
    await createGroupWithStreams(logs, mixed, ['s']);
    const now = Date.now();
    for (const offset of [3, 1, 2]) {
      await logs.send(new PutLogEventsCommand({ logGroupName: mixed, logStreamName: 's', logEvents: [{ timestamp: now - 10_000 + offset, message: `t${offset}` }] }));
    }
    const out = await logs.send(new GetLogEventsCommand({ logGroupName: mixed, logStreamName: 's', startFromHead: true }));
    const events: OutputLogEvent[] = out.events ?? [];
    assert.deepEqual(messagesOf(events), ['t1', 't2', 't3']);
  });
});
