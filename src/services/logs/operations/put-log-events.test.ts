import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createInProcessTailBus, type TailBatch, type TailBus, type TailPassedOver } from '../../../storage/index.js';
import { MemoryLogStore } from '../memory-log-store.test-support.js';
import type { AppendedEvent } from '../metric-filter-datums.js';
import { ACCOUNT, logsHarness, NOW, REGION } from '../logs-harness.test-support.js';
import { LiveTail } from '../tail/live-tail.js';
import { readPutLogEventsBody } from '../put-log-events-body.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const scope = { accountId: ACCOUNT, region: REGION };

async function ready() {
  const h = logsHarness();
  await h.groupWithStream('g', 's');
  return h;
}

async function stored(h: Awaited<ReturnType<typeof ready>>): Promise<string[]> {
  const events = await h.store.readStream(scope, 'g', 's', { direction: 'forward', limit: 100 });
  return events.map((e) => e.message);
}

describe('PutLogEvents', () => {
  it('appends events with ingestionTime from the clock and returns a sequence token', async () => {
    const h = await ready();
    h.clock.advance(5);
    const result = await h.put('g', 's', [{ timestamp: NOW - 10, message: 'a' }, { timestamp: NOW - 10, message: 'b' }]);
    assert.match(String(result.nextSequenceToken), /^\d{56}$/);
    assert.equal(result.rejectedLogEventsInfo, undefined);
    const events = await h.store.readStream(scope, 'g', 's', { direction: 'forward', limit: 10 });
    assert.deepEqual(events.map((e) => [e.message, e.ingestionTime]), [['a', NOW + 5], ['b', NOW + 5]]);
  });

  it('ignores sequenceToken and never creates groups or streams', async () => {
    const h = await ready();
    await h.call('PutLogEvents', { logGroupName: 'g', logStreamName: 's', sequenceToken: 'stale', logEvents: [{ timestamp: NOW, message: 'x' }] });
    await h.fails('PutLogEvents', { logGroupName: 'g', logStreamName: 'nope', logEvents: [{ timestamp: NOW, message: 'x' }] },
      'ResourceNotFoundException', 'The specified log stream does not exist.');
    await h.fails('PutLogEvents', { logGroupName: 'nope', logStreamName: 's', logEvents: [{ timestamp: NOW, message: 'x' }] },
      'ResourceNotFoundException', 'The specified log group does not exist.');
  });

  it('rejects an out-of-order batch as a whole', async () => {
    const h = await ready();
    await h.fails('PutLogEvents', { logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: NOW, message: 'a' }, { timestamp: NOW - 2 * DAY, message: 'b' }] },
      'InvalidParameterException', 'Log events in a single PutLogEvents request must be in chronological order.');
    assert.deepEqual(await stored(h), []);
  });

  it('rejects a batch of accepted events spanning more than 24 hours', async () => {
    const h = await ready();
    await h.fails('PutLogEvents', { logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: NOW - DAY - 1, message: 'a' }, { timestamp: NOW, message: 'b' }] },
      'InvalidParameterException', 'The batch of log events in a single PutLogEvents request cannot span more than 24 hours.');
    // Exactly 24 hours is fine, and rejected events do not count towards the span.
    await h.put('g', 's', [{ timestamp: NOW - DAY, message: 'c' }, { timestamp: NOW, message: 'd' }]);
    await h.put('g', 's', [{ timestamp: NOW - 20 * DAY, message: 'old' }, { timestamp: NOW, message: 'e' }]);
    assert.deepEqual(await stored(h), ['c', 'd', 'e']);
  });

  it('reports too-old, expired and too-new events by index and keeps the rest', async () => {
    const h = await ready();
    await h.call('PutRetentionPolicy', { logGroupName: 'g', retentionInDays: 1 });
    const result = await h.put('g', 's', [
      { timestamp: NOW - 15 * DAY, message: 'too old' },
      { timestamp: NOW - 2 * DAY, message: 'expired' },
      { timestamp: NOW - HOUR, message: 'ok 1' },
      { timestamp: NOW + 2 * HOUR, message: 'ok 2' },
      { timestamp: NOW + 2 * HOUR + 1, message: 'too new' },
      { timestamp: NOW + 3 * HOUR, message: 'too new 2' },
    ]);
    assert.deepEqual(result.rejectedLogEventsInfo, { tooOldLogEventEndIndex: 1, expiredLogEventEndIndex: 2, tooNewLogEventStartIndex: 4 });
    assert.deepEqual(await stored(h), ['ok 1', 'ok 2']);
  });

  it('accepts nothing quietly when every event is rejected, but still checks the stream', async () => {
    const h = await ready();
    const result = await h.put('g', 's', [{ timestamp: NOW + DAY, message: 'future' }]);
    assert.deepEqual(result, { rejectedLogEventsInfo: { tooNewLogEventStartIndex: 0 } });
    await h.fails('PutLogEvents', { logGroupName: 'g', logStreamName: 'nope', logEvents: [{ timestamp: NOW + DAY, message: 'x' }] }, 'ResourceNotFoundException');
  });

  it('enforces the 1 MB batch and event sizes with 26 bytes per event', async () => {
    const h = await ready();
    const big = 'x'.repeat(1_048_576 - 26);
    await h.put('g', 's', [{ timestamp: NOW, message: big }]);
    await h.fails('PutLogEvents', { logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: NOW, message: `${big}é` }] },
      'InvalidParameterException', 'Log event too large: 1048578 bytes exceeds limit of 1048576');
    const half = 'y'.repeat(524_288 - 26);
    await h.fails('PutLogEvents', { logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: NOW, message: half }, { timestamp: NOW, message: `${half}z` }] },
      'InvalidParameterException', 'Upload too large: 1048577 bytes exceeds limit of 1048576');
  });

  it('validates the shape: empty messages, event counts, missing members', async () => {
    const h = await ready();
    await h.fails('PutLogEvents', { logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: NOW, message: 'a' }, { timestamp: NOW, message: '' }] },
      'InvalidParameterException', "1 validation error detected: Value '' at 'logEvents.2.member.message' failed to satisfy constraint: Member must have length greater than or equal to 1");
    await h.fails('PutLogEvents', { logGroupName: 'g', logStreamName: 's', logEvents: [] },
      'InvalidParameterException', "1 validation error detected: Value '[]' at 'logEvents' failed to satisfy constraint: Member must have length greater than or equal to 1");
    const tooMany = Array.from({ length: 10_001 }, () => ({ timestamp: NOW, message: 'm' }));
    await h.fails('PutLogEvents', { logGroupName: 'g', logStreamName: 's', logEvents: tooMany }, 'InvalidParameterException', /at 'logEvents' failed to satisfy constraint: Member must have length less than or equal to 10000$/);
    await h.fails('PutLogEvents', { logGroupName: 'g', logStreamName: 's', logEvents: [{ message: 'a' }] },
      'InvalidParameterException', "1 validation error detected: Value null at 'logEvents.1.member.timestamp' failed to satisfy constraint: Member must not be null");
  });

  it('hands the stored events to Live Tail while it watches the group, and otherwise tells it which it passed over', async () => {
    const bus = createInProcessTailBus();
    const passed: TailPassedOver[] = [];
    const recording: TailBus = { ...bus, passOver: (s, group, through) => (passed.push(through), bus.passOver(s, group, through)) };
    const h = logsHarness({ liveTail: new LiveTail({ bus: recording, store: new MemoryLogStore() }) });
    await h.groupWithStream('g', 's');
    await h.put('g', 's', [{ timestamp: NOW - 10, message: 'x' }, { timestamp: NOW - 10, message: 'y' }]);
    const [unwatched] = await h.store.readStream(scope, 'g', 's', { direction: 'backward', limit: 1 });
    assert.deepEqual(passed, [{ seq: unwatched?.seq, ingestionTime: NOW }], 'the last event of the batch nobody watched');
    const seen: TailBatch[] = [];
    bus.subscribe(scope, ['g'], (batch) => seen.push(batch));
    await h.put('g', 's', [{ timestamp: NOW - 10, message: 'a' }, { timestamp: NOW - 9, message: 'b' }]);
    assert.deepEqual(seen.flatMap((batch) => batch.events.map((e) => e.message)), ['a', 'b']);
    assert.equal(passed.length, 1);
  });

  it('keeps the events for metric filters only when the group has some', async () => {
    const appended: string[][] = [];
    const h = logsHarness({ afterAppend: (_scope, _group, events: readonly AppendedEvent[]) => appended.push(events.map((e) => e.message)) });
    await h.groupWithStream('g', 's');
    await h.put('g', 's', [{ timestamp: NOW - 10, message: 'no filters yet' }]);
    await h.call('PutMetricFilter', { logGroupName: 'g', filterName: 'f', filterPattern: 'ERROR', metricTransformations: [{ metricName: 'm', metricNamespace: 'n', metricValue: '1' }] });
    await h.put('g', 's', [{ timestamp: NOW - 9, message: 'ERROR one' }]);
    assert.deepEqual(appended, [['ERROR one']]);
  });

  describe('given a body its reader took (put-log-events-body.ts)', () => {
    async function putBody(h: Awaited<ReturnType<typeof ready>>, events: readonly { timestamp: number; message: string }[]): Promise<Record<string, unknown>> {
      const body = readPutLogEventsBody(Buffer.from(JSON.stringify({ logGroupName: 'g', logStreamName: 's', logEvents: events })));
      assert.ok(body !== undefined, 'the reader took the body');
      return h.call('PutLogEvents', body);
    }

    it('stores the accepted run and reports the rest by index', async () => {
      const h = await ready();
      await h.call('PutRetentionPolicy', { logGroupName: 'g', retentionInDays: 1 });
      const result = await putBody(h, [
        { timestamp: NOW - 15 * DAY, message: 'too old' },
        { timestamp: NOW - 2 * DAY, message: 'expired' },
        { timestamp: NOW - HOUR, message: 'ok "1"' },
        { timestamp: NOW + 2 * HOUR, message: 'ok \\ 2 é' },
        { timestamp: NOW + 3 * HOUR, message: 'too new' },
      ]);
      assert.deepEqual(result.rejectedLogEventsInfo, { tooOldLogEventEndIndex: 1, expiredLogEventEndIndex: 2, tooNewLogEventStartIndex: 4 });
      assert.deepEqual(await stored(h), ['ok "1"', 'ok \\ 2 é']);
      assert.deepEqual(await putBody(h, [{ timestamp: NOW + DAY, message: 'future' }]), { rejectedLogEventsInfo: { tooNewLogEventStartIndex: 0 } });
    });

    it('still checks the 24-hour span of the accepted events', async () => {
      const h = await ready();
      const body = readPutLogEventsBody(Buffer.from(JSON.stringify({ logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: NOW - DAY - 1, message: 'a' }, { timestamp: NOW, message: 'b' }] })));
      await h.fails('PutLogEvents', body, 'InvalidParameterException', 'The batch of log events in a single PutLogEvents request cannot span more than 24 hours.');
    });

    it('hands metric filters and Live Tail the messages as strings', async () => {
      const appended: string[][] = [];
      const bus = createInProcessTailBus();
      const h = logsHarness({
        afterAppend: (_scope, _group, events: readonly AppendedEvent[]) => appended.push(events.map((e) => e.message)),
        liveTail: new LiveTail({ bus, store: new MemoryLogStore() }),
      });
      await h.groupWithStream('g', 's');
      await h.call('PutMetricFilter', { logGroupName: 'g', filterName: 'f', filterPattern: 'ERROR', metricTransformations: [{ metricName: 'm', metricNamespace: 'n', metricValue: '1' }] });
      const seen: TailBatch[] = [];
      bus.subscribe(scope, ['g'], (batch) => seen.push(batch));
      await putBody(h, [{ timestamp: NOW - 10, message: '{"level":"ERROR"} 😀' }]);
      assert.deepEqual(appended, [['{"level":"ERROR"} 😀']]);
      assert.deepEqual(seen.flatMap((batch) => batch.events.map((e) => e.message)), ['{"level":"ERROR"} 😀']);
    });
  });
});
