import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type CloudWatchLogsClient,
  FilterLogEventsCommand,
  type FilterLogEventsCommandInput,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { expectAwsError } from './aws-assert.js';
import { type RunningServer, startServer, TEST_ACCOUNT, uniqueName } from './harness.js';
import { createGroupWithStreams, filterAll, messagesOf } from './logs-helpers.js';

const TIMEOUT = { timeout: 30_000 };

/** Events interleaved across streams: app-1 at t+0,2,4; app-2 at t+1,3; other at t+5. */
const LAYOUT: ReadonlyArray<readonly [stream: string, offset: number]> = [
  ['app-1', 0], ['app-2', 1], ['app-1', 2], ['app-2', 3], ['app-1', 4], ['other', 5],
];

describe('FilterLogEvents', { timeout: 120_000 }, () => {
  let server: RunningServer | undefined;
  let logs: CloudWatchLogsClient;
  const group = uniqueName('filter');
  let t = 0;
  const message = (stream: string, offset: number) => `${stream} event ${offset}`;
  const inOrder = LAYOUT.map(([stream, offset]) => message(stream, offset));

  before(async () => {
    server = await startServer();
    logs = server.logs();
    await createGroupWithStreams(logs, group, ['app-1', 'app-2', 'other']);
    t = Date.now() - 120_000;
    // One call per stream, streams written in the reverse of time order, so order must come from timestamps.
    for (const stream of ['other', 'app-2', 'app-1']) {
      const logEvents = LAYOUT.filter(([s]) => s === stream).map(([, offset]) => ({ timestamp: t + offset * 1000, message: message(stream, offset) }));
      await logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents }));
    }
  }, { timeout: 60_000 });
  after(() => server?.stop(), { timeout: 60_000 });

  const filter = (input: Omit<FilterLogEventsCommandInput, 'logGroupName'>) => filterAll(logs, { logGroupName: group, ...input });

  test('returns every event interleaved by timestamp, with stream, ingestionTime and a unique eventId', TIMEOUT, async () => {
    const events = await filter({});
    assert.deepEqual(messagesOf(events), inOrder);
    assert.deepEqual(events.map((e) => e.logStreamName), LAYOUT.map(([stream]) => stream));
    assert.deepEqual(events.map((e) => e.timestamp), LAYOUT.map(([, offset]) => t + offset * 1000));
    for (const event of events) {
      assert.equal(typeof event.ingestionTime, 'number');
      assert.ok(typeof event.eventId === 'string' && event.eventId.length > 0, 'eventId is present');
    }
    assert.equal(new Set(events.map((e) => e.eventId)).size, events.length, 'eventIds are unique');
    const again = await filter({});
    assert.deepEqual(again.map((e) => e.eventId), events.map((e) => e.eventId), 'eventIds are stable across reads');
  });

  test('startFromHead=false returns the newest first', TIMEOUT, async () => {
    assert.deepEqual(messagesOf(await filter({ startFromHead: false })), [...inOrder].reverse());
    assert.deepEqual(messagesOf(await filter({ startFromHead: false, limit: 2 })), [...inOrder].reverse());
  });

  test('logStreamNames and logStreamNamePrefix select streams; both together are invalid', TIMEOUT, async () => {
    assert.deepEqual(messagesOf(await filter({ logStreamNames: ['app-1'] })), [message('app-1', 0), message('app-1', 2), message('app-1', 4)]);
    assert.deepEqual(messagesOf(await filter({ logStreamNames: ['other', 'app-2'] })),
      [message('app-2', 1), message('app-2', 3), message('other', 5)]);
    assert.deepEqual(messagesOf(await filter({ logStreamNamePrefix: 'app-' })), inOrder.slice(0, 5));
    assert.deepEqual(messagesOf(await filter({ logStreamNamePrefix: 'nothing-' })), []);
    await expectAwsError(logs.send(new FilterLogEventsCommand({ logGroupName: group, logStreamNames: ['app-1'], logStreamNamePrefix: 'app-' })),
      'InvalidParameterException');
  });

  test('startTime and endTime are both inclusive', TIMEOUT, async () => {
    assert.deepEqual(messagesOf(await filter({ startTime: t + 1000, endTime: t + 3000 })), inOrder.slice(1, 4));
    assert.deepEqual(messagesOf(await filter({ startTime: t + 5000 })), inOrder.slice(5));
    assert.deepEqual(messagesOf(await filter({ endTime: t - 1 })), []);
  });

  test('limit bounds each page; following nextToken until absent returns each event once, in order', TIMEOUT, async () => {
    const first = await logs.send(new FilterLogEventsCommand({ logGroupName: group, limit: 2 }));
    assert.ok((first.events?.length ?? 0) <= 2);
    assert.ok(first.nextToken, 'more events remain, so there is a nextToken');
    for (const limit of [1, 2, 4, 6, 10_000]) {
      assert.deepEqual(messagesOf(await filter({ limit })), inOrder, `limit ${limit}`);
    }
    assert.deepEqual(messagesOf(await filter({ limit: 1, filterPattern: 'app' })), inOrder.slice(0, 5));
  });

  test('paging holds up over a larger volume', TIMEOUT, async () => {
    const big = uniqueName('filter-big');
    await createGroupWithStreams(logs, big, ['a', 'b']);
    const start = Date.now() - 60_000;
    for (const stream of ['a', 'b']) {
      const logEvents = Array.from({ length: 500 }, (_, i) => ({ timestamp: start + i * 2 + (stream === 'a' ? 0 : 1), message: `${stream}-${i}` }));
      await logs.send(new PutLogEventsCommand({ logGroupName: big, logStreamName: stream, logEvents }));
    }
    const events = await filterAll(logs, { logGroupName: big, limit: 37 });
    const expected = Array.from({ length: 500 }, (_, i) => [`a-${i}`, `b-${i}`]).flat();
    assert.deepEqual(messagesOf(events), expected);
  });

  test('logGroupIdentifier accepts the ARN', TIMEOUT, async () => {
    const arn = `arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group:${group}`;
    assert.deepEqual(messagesOf(await filterAll(logs, { logGroupIdentifier: arn })), inOrder);
  });

  test('errors: limits, too many stream names, bad patterns, missing group', TIMEOUT, async () => {
    const send = (input: Omit<FilterLogEventsCommandInput, 'logGroupName'>) => logs.send(new FilterLogEventsCommand({ logGroupName: group, ...input }));
    for (const limit of [0, 10_001]) await expectAwsError(send({ limit }), 'InvalidParameterException');
    await expectAwsError(send({ logStreamNames: Array.from({ length: 101 }, (_, i) => `s${i}`) }), 'InvalidParameterException');
    for (const filterPattern of ['{ $.x = ', '[a, b', '%(a|b)%', '%a!b%', '%a% %b% %c%']) {
      await expectAwsError(send({ filterPattern }), 'InvalidParameterException');
    }
    await expectAwsError(logs.send(new FilterLogEventsCommand({ logGroupName: uniqueName('nope') })), 'ResourceNotFoundException');
    // AWS documents "not both" without naming the error; DescribeLogStreams is observed to send ValidationException.
    await expectAwsError(logs.send(new FilterLogEventsCommand({ logGroupName: group, logGroupIdentifier: group })),
      ['ValidationException', 'InvalidParameterException']);
  });
});
