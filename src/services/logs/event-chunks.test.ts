import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { EventCursor, StoredLogEvent } from '../../storage/index.js';
import { readInBatches, readInChunks, type BatchReader, type ChunkReader } from './event-chunks.js';

function source(count: number, messageBytes: number): { read: ChunkReader; calls: number[] } {
  const events: StoredLogEvent[] = Array.from({ length: count }, (_, i) => ({ logStreamName: 's', timestamp: i, seq: i, ingestionTime: 0, message: 'm'.repeat(messageBytes) }));
  const calls: number[] = [];
  const read: ChunkReader = async (from: EventCursor | undefined, limit: number) => {
    calls.push(limit);
    return events.filter((e) => from === undefined || e.seq > from.seq).slice(0, limit);
  };
  return { read, calls };
}

describe('readInChunks', () => {
  it('consumes everything and reports exhaustion, growing chunks for small messages', async () => {
    const { read, calls } = source(5000, 10);
    const seen: number[] = [];
    const result = await readInChunks(read, undefined, 10_000, (e) => (seen.push(e.seq), true));
    assert.equal(seen.length, 5000);
    assert.deepEqual(result, { exhausted: true, last: { logStreamName: 's', timestamp: 4999, seq: 4999, ingestionTime: 0, message: 'm'.repeat(10) } });
    assert.ok(calls.length <= 3, `calls: ${calls.join(',')}`);
  });

  it('keeps chunks small when messages are big', async () => {
    const { read, calls } = source(200, 300_000);
    await readInChunks(read, undefined, 10_000, () => true);
    assert.ok(calls.slice(1).every((c) => c === 16), `calls: ${calls.join(',')}`);
  });

  it('stops at the budget or when the visitor declines, without consuming the declined event', async () => {
    const { read } = source(100, 10);
    const budget = await readInChunks(read, undefined, 60, () => true);
    assert.deepEqual([budget.exhausted, budget.last?.seq], [false, 59]);
    const declined = await readInChunks(read, { timestamp: 9, seq: 9 }, 1000, (e) => e.seq < 20);
    assert.deepEqual([declined.exhausted, declined.last?.seq], [false, 19]);
  });
});

/** A store's streamed read: batches of `batchSize`, stopping when the visitor says so; records each read's limit and batches. */
function batchSource(count: number, batchSize: number): { read: BatchReader; limits: number[]; delivered: number[] } {
  const events: StoredLogEvent[] = Array.from({ length: count }, (_, i) => ({ logStreamName: 's', timestamp: i, seq: i, ingestionTime: 0, message: 'm' }));
  const limits: number[] = [];
  const delivered: number[] = [];
  const read: BatchReader = async (limit, visit) => {
    limits.push(limit);
    const wanted = events.slice(0, limit);
    for (let i = 0; i < wanted.length; i += batchSize) {
      const batch = wanted.slice(i, i + batchSize);
      delivered.push(batch.length);
      if (!visit(batch)) return;
    }
  };
  return { read, limits, delivered };
}

describe('readInBatches', () => {
  it('reads once with the whole budget and reports exhaustion when the store runs out', async () => {
    const { read, limits } = batchSource(25, 4);
    const seen: number[] = [];
    const result = await readInBatches(read, 100, (e) => (seen.push(e.seq), true));
    assert.deepEqual(seen, Array.from({ length: 25 }, (_, i) => i));
    assert.deepEqual([result.exhausted, result.last?.seq, limits], [true, 24, [100]]);
  });

  it('stops the read when the visitor declines, leaving the declined event unconsumed', async () => {
    const { read, delivered } = batchSource(1000, 10);
    const result = await readInBatches(read, 1000, (e) => e.seq < 35);
    assert.deepEqual([result.exhausted, result.last?.seq], [false, 34]);
    assert.equal(delivered.length, 4, 'no batch is read after the one the visitor stopped in');
    const first = await readInBatches(read, 1000, () => false);
    assert.deepEqual([first.exhausted, first.last], [false, undefined]);
  });

  it('is not exhausted when the budget was used up, even on the last event', async () => {
    const { read } = batchSource(30, 7);
    const budget = await readInBatches(read, 30, () => true);
    assert.deepEqual([budget.exhausted, budget.last?.seq], [false, 29]);
    const more = await readInBatches(read, 31, () => true);
    assert.deepEqual([more.exhausted, more.last?.seq], [true, 29]);
  });
});
