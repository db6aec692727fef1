import assert from 'node:assert/strict';
import { test } from 'node:test';
import { batchEvents, createEventLayout, eventMessage, eventStatus, isErrorEvent, isJsonEvent, totalEvents } from './event-generator.js';
import { encodeBatch } from './put-log-events-batches.js';

const now = Date.UTC(2025, 0, 1);
const layout = createEventLayout({ logGroupName: '/g', writers: 4, totalEvents: 40_000, eventsPerBatch: 4_500, now });

test('a layout rounds to whole batches and keeps every stream inside the accepted time window', () => {
  assert.equal(layout.batchesPerWriter, 2);
  assert.equal(totalEvents(layout), 36_000);
  const last = batchEvents(layout, 3, 1).at(-1);
  assert.ok(last !== undefined && last.timestamp < now - 60 * 60 * 1000);
  assert.ok(batchEvents(layout, 0, 0)[0]!.timestamp >= now - 3 * 60 * 60 * 1000);
});

test('events are deterministic and chronological within and across batches of a stream', () => {
  assert.deepEqual(batchEvents(layout, 2, 1), batchEvents(layout, 2, 1));
  const stream = [...batchEvents(layout, 1, 0), ...batchEvents(layout, 1, 1)];
  for (let i = 1; i < stream.length; i++) assert.ok(stream[i]!.timestamp >= stream[i - 1]!.timestamp);
  assert.ok(stream.every((event) => event.logStreamName === 'bench-stream-01'));
});

test('ERROR appears exactly in the flagged events, JSON messages parse, and the mix is near its targets', () => {
  let errors = 0;
  let json = 0;
  let status500 = 0;
  for (let index = 0; index < 50_000; index++) {
    const message = eventMessage(index);
    assert.equal(message.includes('ERROR'), isErrorEvent(index));
    if (isErrorEvent(index)) errors++;
    if (isJsonEvent(index)) {
      json++;
      assert.equal((JSON.parse(message) as { status: number }).status, eventStatus(index));
      if (eventStatus(index) === 500) status500++;
    }
  }
  assert.ok(errors > 350 && errors < 650, `errors ${errors}`);
  assert.ok(json > 33_000 && json < 37_000, `json ${json}`);
  assert.ok(status500 > 230 && status500 < 470, `status 500 ${status500}`);
});

test('a default batch stays under the PutLogEvents 1,048,576-byte limit and round-trips as JSON', () => {
  const events = batchEvents(layout, 0, 1);
  const encoded = encodeBatch('/g', events);
  assert.ok(encoded.messageBytes + 26 * events.length <= 1_048_576);
  const body = JSON.parse(encoded.body.toString('utf8')) as { logStreamName: string; logEvents: { message: string }[] };
  assert.equal(body.logStreamName, 'bench-stream-00');
  assert.equal(body.logEvents.length, 4_500);
  assert.equal(body.logEvents[17]!.message, events[17]!.message);
});
