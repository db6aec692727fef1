import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { StoredLogEvent } from '../../storage/index.js';
import { FilterContinuations, type FilterContinuation } from './filter-continuations.js';

const event = (seq: number, message = 'x'.repeat(74)): StoredLogEvent => ({ logStreamName: 's', timestamp: 1_000 + seq, ingestionTime: 2_000, seq, message });
/** Events of exactly 100 bytes as pages count them (74 message bytes + 26). */
const continuation = (...seqs: number[]): FilterContinuation => ({ events: seqs.map((seq) => event(seq)), resume: { timestamp: 9_000, seq: 99 }, exhausted: false });
const limits = { maxBytesPerEntry: 1_000, maxBytes: 300, ttlMs: 1_000 };

describe('FilterContinuations', () => {
  it('hands a continuation back once, and only to the request that kept it', () => {
    const kept = new FilterContinuations(limits);
    const id = kept.put('request-a', continuation(1, 2), 0);
    assert.ok(id !== undefined);
    assert.equal(kept.take(id, 'request-b', 1), undefined, 'another request');
    const again = kept.put('request-a', continuation(1, 2), 0) ?? '';
    assert.deepEqual(kept.take(again, 'request-a', 1)?.events.map((e) => e.seq), [1, 2]);
    assert.equal(kept.take(again, 'request-a', 1), undefined, 'taken');
  });

  it('keeps nothing empty or larger than its byte cap, and forgets entries after their time', () => {
    const kept = new FilterContinuations(limits);
    assert.equal(kept.put('r', continuation(), 0), undefined);
    assert.equal(kept.put('r', continuation(1, 2, 3, 4), 0), undefined, '400 bytes > 300');
    const id = kept.put('r', continuation(1), 0) ?? '';
    assert.equal(kept.take(id, 'r', 1_000), undefined, 'expired');
  });

  it('drops the oldest entries to make room', () => {
    const kept = new FilterContinuations(limits);
    const first = kept.put('r', continuation(1, 2), 0) ?? '';
    const second = kept.put('r', continuation(3), 0) ?? '';
    const third = kept.put('r', continuation(4, 5), 0) ?? '';
    assert.equal(kept.take(first, 'r', 1), undefined);
    assert.ok(kept.take(second, 'r', 1) !== undefined);
    assert.ok(kept.take(third, 'r', 1) !== undefined);
  });
});
