import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { EventCursor, StoredLogEvent } from '../../storage/index.js';
import { readInChunks, type ChunkReader } from './event-chunks.js';

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
