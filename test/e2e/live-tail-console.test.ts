import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { startServer, uniqueName, type RunningServer } from './harness.js';
import { errorBody, openSse, presignTailUrl } from './live-tail-sse.js';

interface TailEventData {
  logStreamName: string;
  logGroupIdentifier: string;
  message: string;
  timestamp: number;
  ingestionTime: number;
}

const messagesOf = (events: readonly { data: string }[]): string[] => events.map((e) => (JSON.parse(e.data) as TailEventData).message);
/** Lets the server's write of a frame reach the client before asserting that nothing more came. */
const quiet = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 150));

describe('console live tail (GET /_modelwatch/tail, SSE)', () => {
  let server: RunningServer;
  let logs: CloudWatchLogsClient;
  const group = uniqueName('/tail/console');

  const put = async (stream: string, messages: readonly string[]): Promise<void> => {
    const timestamp = Date.now();
    await logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents: messages.map((message) => ({ timestamp, message })) }));
  };

  before(async () => {
    server = await startServer();
    logs = server.logs();
    await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    for (const stream of ['web-1', 'worker-1']) await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
  });
  after(async () => server.stop());

  it('delivers each matching event as it is stored, with the cursor as SSE id', async () => {
    const sse = await openSse(await presignTailUrl(server.endpoint, { logGroupIdentifier: group, logEventFilterPattern: 'ERROR' }));
    assert.equal(sse.status, 200);
    try {
      await put('web-1', ['ERROR one', 'INFO two', 'ERROR three']);
      const events = await sse.take(2);
      assert.deepEqual(messagesOf(events), ['ERROR one', 'ERROR three']);
      const first = JSON.parse(events[0]?.data ?? '{}') as TailEventData;
      assert.equal(first.logStreamName, 'web-1');
      assert.equal(first.logGroupIdentifier, `000000000000:${group}`);
      assert.ok(first.ingestionTime >= first.timestamp);
      assert.match(events[0]?.id ?? '', /^\d+-\d+$/);
      await quiet();
      assert.deepEqual(sse.pending(), [], 'the INFO event is filtered out');
    } finally {
      sse.close();
    }
  });

  it('honours the stream selection', async () => {
    const sse = await openSse(await presignTailUrl(server.endpoint, { logGroupIdentifier: group, logStreamNamePrefix: 'work' }));
    try {
      await put('web-1', ['web event']);
      await put('worker-1', ['worker event']);
      assert.deepEqual(messagesOf(await sse.take(1)), ['worker event']);
      await quiet();
      assert.deepEqual(sse.pending(), []);
    } finally {
      sse.close();
    }
  });

  it('resumes after a disconnect with Last-Event-ID: exactly the missed events, no loss, no duplicates', async () => {
    const url = await presignTailUrl(server.endpoint, { logGroupIdentifier: group });
    const first = await openSse(url);
    await put('web-1', ['r1', 'r2']);
    const seen = await first.take(2);
    first.close();
    await put('web-1', ['r3']);
    await put('worker-1', ['r4', 'r5']);
    const second = await openSse(url, { 'last-event-id': seen[1]?.id ?? '' });
    try {
      const missed = await second.take(3);
      assert.deepEqual(messagesOf(missed), ['r3', 'r4', 'r5']);
      await put('web-1', ['r6']);
      assert.deepEqual(messagesOf(await second.take(1)), ['r6']);
      await quiet();
      assert.deepEqual(second.pending(), []);
      const ids = [...seen, ...missed].map((e) => Number(e.id?.split('-')[0]));
      assert.deepEqual(ids, [...ids].sort((a, b) => a - b), 'cursors increase');
    } finally {
      second.close();
    }
  });

  it('resumes from a time with since=', async () => {
    await put('web-1', ['before since']);
    await quiet();
    const since = Date.now();
    await quiet();
    await put('web-1', ['after since 1', 'after since 2']);
    const sse = await openSse(await presignTailUrl(server.endpoint, { logGroupIdentifier: group, since: String(since) }));
    try {
      assert.deepEqual(messagesOf(await sse.take(2)), ['after since 1', 'after since 2']);
    } finally {
      sse.close();
    }
  });

  it('answers unsigned, badly signed and wrongly scoped requests with a 403 AWS error', async () => {
    const unsigned = await errorBody(`${server.endpoint}/_modelwatch/tail?logGroupIdentifier=${encodeURIComponent(group)}`);
    assert.deepEqual([unsigned.status, unsigned.body.__type, unsigned.type], [403, 'MissingAuthenticationTokenException', 'MissingAuthenticationTokenException']);
    const wrongKey = await errorBody(await presignTailUrl(server.endpoint, { logGroupIdentifier: group }, { credentials: { accessKeyId: 'test', secretAccessKey: 'wrong' } }));
    assert.deepEqual([wrongKey.status, wrongKey.body.__type], [403, 'InvalidSignatureException']);
    const tampered = (await presignTailUrl(server.endpoint, { logGroupIdentifier: group })).replace('logGroupIdentifier=', 'logGroupIdentifier=x');
    assert.deepEqual([(await errorBody(tampered)).status, (await errorBody(tampered)).body.__type], [403, 'InvalidSignatureException']);
    const scoped = await errorBody(await presignTailUrl(server.endpoint, { logGroupIdentifier: group }, { service: 'monitoring' }));
    assert.deepEqual([scoped.status, scoped.body.__type], [403, 'InvalidSignatureException']);
  });

  it('answers a missing group and bad parameters with AWS errors', async () => {
    const missing = await errorBody(await presignTailUrl(server.endpoint, { logGroupIdentifier: 'no-such-group' }));
    assert.deepEqual([missing.status, missing.body.__type, missing.body.message], [400, 'ResourceNotFoundException', 'The specified log group does not exist.']);
    const badPattern = await errorBody(await presignTailUrl(server.endpoint, { logGroupIdentifier: group, logEventFilterPattern: '{ $.a = ' }));
    assert.deepEqual([badPattern.status, badPattern.body.__type], [400, 'InvalidParameterException']);
    const badCursor = await errorBody(await presignTailUrl(server.endpoint, { logGroupIdentifier: group, after: 'nope' }));
    assert.deepEqual([badCursor.status, badCursor.body.__type], [400, 'InvalidParameterException']);
  });
});

describe('console live tail across a restart', () => {
  it('resumes from the store when the replay window cannot vouch for the cursor', async () => {
    const group = uniqueName('/tail/restart');
    const first = await startServer();
    let second: RunningServer | undefined;
    try {
      const logs = first.logs();
      await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
      await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: 's' }));
      const put = (client: CloudWatchLogsClient, message: string) =>
        client.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: 's', logEvents: [{ timestamp: Date.now(), message }] }));
      const before = await openSse(await presignTailUrl(first.endpoint, { logGroupIdentifier: group }));
      await put(logs, 'a1');
      const [seen] = await before.take(1);
      before.close();
      await put(logs, 'a2');
      await put(logs, 'a3');
      await first.kill('SIGTERM');
      second = await startServer({ dataDir: first.dataDir });
      await put(second.logs(), 'b1');
      const resumed = await openSse(await presignTailUrl(second.endpoint, { logGroupIdentifier: group }), { 'last-event-id': seen?.id ?? '' });
      try {
        assert.deepEqual(messagesOf(await resumed.take(3)), ['a2', 'a3', 'b1']);
        await put(second.logs(), 'b2');
        assert.deepEqual(messagesOf(await resumed.take(1)), ['b2']);
        await quiet();
        assert.deepEqual(resumed.pending(), []);
      } finally {
        resumed.close();
      }
    } finally {
      await second?.stop();
      await first.stop();
    }
  });
});

describe('console live tail and shutdown', () => {
  it('a graceful shutdown ends open streams instead of waiting for them', { timeout: 20_000 }, async () => {
    const server = await startServer();
    const group = uniqueName('/tail/shutdown');
    await server.logs().send(new CreateLogGroupCommand({ logGroupName: group }));
    const sse = await openSse(await presignTailUrl(server.endpoint, { logGroupIdentifier: group }));
    assert.equal(sse.status, 200);
    await server.kill('SIGTERM');
    sse.close();
    assert.equal(server.process.exitCode, 0, `the server exited by itself (signal ${String(server.process.signalCode)})`);
    await server.stop();
  });
});
