import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type CloudWatchLogsClient,
  CreateLogGroupCommand,
  type InputLogEvent,
  PutLogEventsCommand,
  PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { expectAwsError } from './aws-assert.js';
import { type RunningServer, startServer, uniqueName } from './harness.js';
import { createGroupWithStreams, getAllFromHead, messagesOf } from './logs-helpers.js';

const TIMEOUT = { timeout: 60_000 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MAX_BATCH_BYTES = 1_048_576;
const PER_EVENT_OVERHEAD = 26;

describe('PutLogEvents', { timeout: 240_000 }, () => {
  let server: RunningServer | undefined;
  let logs: CloudWatchLogsClient;

  before(async () => {
    server = await startServer();
    logs = server.logs();
  }, { timeout: 60_000 });
  after(() => server?.stop(), { timeout: 60_000 });

  async function freshStream(): Promise<{ group: string; stream: string }> {
    const group = uniqueName('put');
    await createGroupWithStreams(logs, group, ['s']);
    return { group, stream: 's' };
  }

  function put(target: { group: string; stream: string }, logEvents: InputLogEvent[], sequenceToken?: string) {
    return logs.send(new PutLogEventsCommand({ logGroupName: target.group, logStreamName: target.stream, logEvents, sequenceToken }));
  }

  test('an accepted batch reports no rejections and reads back in order', TIMEOUT, async () => {
    const target = await freshStream();
    const now = Date.now();
    const out = await put(target, [
      { timestamp: now - 2000, message: 'one' },
      { timestamp: now - 1000, message: 'two' },
      { timestamp: now - 1000, message: 'two again, same timestamp is fine' },
      { timestamp: now, message: 'ünïcödé ✓' },
    ]);
    assert.equal(out.rejectedLogEventsInfo, undefined);
    assert.deepEqual(messagesOf(await getAllFromHead(logs, target)), ['one', 'two', 'two again, same timestamp is fine', 'ünïcödé ✓']);
  });

  test('events out of chronological order fail the whole call', TIMEOUT, async () => {
    const target = await freshStream();
    const now = Date.now();
    await expectAwsError(put(target, [{ timestamp: now, message: 'late' }, { timestamp: now - 1, message: 'early' }]),
      'InvalidParameterException');
    assert.deepEqual(await getAllFromHead(logs, target), [], 'nothing of a failed call is stored');
  });

  test('batch size counts UTF-8 bytes plus 26 per event, up to 1,048,576', TIMEOUT, async () => {
    const target = await freshStream();
    const now = Date.now();
    // 1024 events of 998 bytes + 26 = exactly 1 MiB; the last one is 499 two-byte characters.
    const ascii = 'a'.repeat(1024 - PER_EVENT_OVERHEAD);
    const twoByte = 'é'.repeat((1024 - PER_EVENT_OVERHEAD) / 2);
    const exact: InputLogEvent[] = Array.from({ length: 1023 }, () => ({ timestamp: now, message: ascii }));
    exact.push({ timestamp: now, message: twoByte });
    const bytes = exact.reduce((sum, e) => sum + Buffer.byteLength(e.message ?? '') + PER_EVENT_OVERHEAD, 0);
    assert.equal(bytes, MAX_BATCH_BYTES);
    const out = await put(target, exact);
    assert.equal(out.rejectedLogEventsInfo, undefined);

    const oneOver = [...exact.slice(0, -1), { timestamp: now, message: `${twoByte}x` }];
    await expectAwsError(put(target, oneOver), 'InvalidParameterException');
    assert.equal((await getAllFromHead(logs, target)).length, 1024, 'only the first batch is stored');
  });

  test('at most 10,000 events per call', TIMEOUT, async () => {
    const target = await freshStream();
    const now = Date.now();
    const events = (n: number) => Array.from({ length: n }, (_, i) => ({ timestamp: now - 20_000 + i, message: `e${i}` }));
    await expectAwsError(put(target, events(10_001)), 'InvalidParameterException');
    await put(target, events(10_000));
    assert.equal((await getAllFromHead(logs, target)).length, 10_000);
  });

  test('empty batches and empty messages are invalid', TIMEOUT, async () => {
    const target = await freshStream();
    await expectAwsError(put(target, []), 'InvalidParameterException');
    await expectAwsError(put(target, [{ timestamp: Date.now(), message: '' }]), 'InvalidParameterException');
  });

  test('a batch spanning more than 24 hours fails the whole call', TIMEOUT, async () => {
    const target = await freshStream();
    const now = Date.now();
    await expectAwsError(put(target, [{ timestamp: now - 25 * HOUR, message: 'old' }, { timestamp: now, message: 'new' }]),
      'InvalidParameterException');
    await put(target, [{ timestamp: now - 23 * HOUR, message: 'old' }, { timestamp: now, message: 'new' }]);
    assert.deepEqual(messagesOf(await getAllFromHead(logs, target)), ['old', 'new']);
  });

  test('events more than 2 hours ahead are rejected from tooNewLogEventStartIndex on', TIMEOUT, async () => {
    const target = await freshStream();
    const now = Date.now();
    const out = await put(target, [
      { timestamp: now - 1000, message: 'ok-1' },
      { timestamp: now, message: 'ok-2' },
      { timestamp: now + 3 * HOUR, message: 'future-1' },
      { timestamp: now + 4 * HOUR, message: 'future-2' },
    ]);
    assert.deepEqual(out.rejectedLogEventsInfo, { tooNewLogEventStartIndex: 2 });
    assert.deepEqual(messagesOf(await getAllFromHead(logs, target)), ['ok-1', 'ok-2']);
  });

  test('events older than 14 days are rejected up to tooOldLogEventEndIndex (exclusive)', TIMEOUT, async () => {
    const target = await freshStream();
    const now = Date.now();
    const out = await put(target, [
      { timestamp: now - 16 * DAY, message: 'ancient-1' },
      { timestamp: now - 15 * DAY, message: 'ancient-2' },
      { timestamp: now - 1000, message: 'ok-1' },
      { timestamp: now, message: 'ok-2' },
    ]);
    assert.deepEqual(out.rejectedLogEventsInfo, { tooOldLogEventEndIndex: 2 });
    assert.deepEqual(messagesOf(await getAllFromHead(logs, target)), ['ok-1', 'ok-2']);
  });

  test("events older than the group's retention are rejected up to expiredLogEventEndIndex", TIMEOUT, async () => {
    const target = await freshStream();
    await logs.send(new PutRetentionPolicyCommand({ logGroupName: target.group, retentionInDays: 1 }));
    const now = Date.now();
    const out = await put(target, [
      { timestamp: now - 2 * DAY, message: 'expired' },
      { timestamp: now - 1000, message: 'ok-1' },
      { timestamp: now, message: 'ok-2' },
    ]);
    assert.deepEqual(out.rejectedLogEventsInfo, { expiredLogEventEndIndex: 1 });
    assert.deepEqual(messagesOf(await getAllFromHead(logs, target)), ['ok-1', 'ok-2']);
  });

  test('a missing group or stream is ResourceNotFoundException (no auto-create)', TIMEOUT, async () => {
    const group = uniqueName('missing');
    const event = [{ timestamp: Date.now(), message: 'x' }];
    await expectAwsError(put({ group, stream: 's' }, event), 'ResourceNotFoundException');
    await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    await expectAwsError(put({ group, stream: 's' }, event), 'ResourceNotFoundException', /log stream/i);
  });

  test('sequence tokens are ignored and parallel calls on one stream are all accepted', TIMEOUT, async () => {
    const target = await freshStream();
    const now = Date.now();
    await put(target, [{ timestamp: now - 10_000, message: 'bogus token' }], 'not-a-real-token');
    await Promise.all(Array.from({ length: 8 }, (_, i) => put(target, [{ timestamp: now - 1000 + i, message: `parallel-${i}` }])));
    const messages = messagesOf(await getAllFromHead(logs, target));
    assert.equal(messages.length, 9);
    assert.deepEqual(messages.slice(1), Array.from({ length: 8 }, (_, i) => `parallel-${i}`), 'read back in timestamp order');
  });
});
