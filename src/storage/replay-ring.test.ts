import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ReplayRing } from './replay-ring.js';
import type { TailEvent } from './tail-bus.js';

const event = (seq: number, ingestionTime = 1000 + seq, message = `m${seq}`): TailEvent => ({ seq, logStreamName: 's', timestamp: ingestionTime, ingestionTime, message });
const seqs = (events: readonly TailEvent[] | undefined): number[] | undefined => events?.map((e) => e.seq);

describe('ReplayRing', () => {
  it('replays what follows a cursor it can vouch for, and refuses one from before its first event', () => {
    const ring = new ReplayRing({ maxEvents: 100, maxBytes: 1e6, maxAgeMs: 1e9 });
    assert.equal(ring.after({ kind: 'after', seq: 0, ingestionTime: 0 }), undefined, 'an empty ring vouches for nothing');
    ring.push([event(10), event(11), event(14)]);
    assert.deepEqual(seqs(ring.after({ kind: 'after', seq: 11, ingestionTime: 1011 })), [14]);
    assert.deepEqual(seqs(ring.after({ kind: 'after', seq: 9, ingestionTime: 0 })), [10, 11, 14], 'seq 9 is just before the first seen');
    assert.equal(ring.after({ kind: 'after', seq: 8, ingestionTime: 0 }), undefined, 'seq 9 may exist in the store');
    assert.deepEqual(seqs(ring.after({ kind: 'since', ingestionTime: 1011 })), [11, 14]);
    assert.equal(ring.after({ kind: 'since', ingestionTime: 1010 }), undefined, 'events ingested at the first one’s time may predate the ring');
  });

  it('evicts by count, size and age, and then refuses cursors inside what it evicted', () => {
    const byCount = new ReplayRing({ maxEvents: 2, maxBytes: 1e6, maxAgeMs: 1e9 });
    byCount.push([event(1), event(2), event(3)]);
    assert.deepEqual(seqs(byCount.after({ kind: 'after', seq: 1, ingestionTime: 0 })), [2, 3]);
    assert.equal(byCount.after({ kind: 'after', seq: 0, ingestionTime: 0 }), undefined);

    const bySize = new ReplayRing({ maxEvents: 100, maxBytes: 10, maxAgeMs: 1e9 });
    bySize.push([event(1, 1, 'aaaaaa'), event(2, 2, 'bbbbbb')]);
    assert.equal(bySize.after({ kind: 'after', seq: 0, ingestionTime: 0 }), undefined);
    assert.deepEqual(seqs(bySize.after({ kind: 'after', seq: 1, ingestionTime: 0 })), [2]);

    const byAge = new ReplayRing({ maxEvents: 100, maxBytes: 1e6, maxAgeMs: 500 });
    byAge.push([event(1, 1000)]);
    byAge.push([event(2, 2000)]);
    assert.equal(byAge.after({ kind: 'since', ingestionTime: 1000 }), undefined);
    assert.deepEqual(seqs(byAge.after({ kind: 'since', ingestionTime: 1001 })), [2]);
  });

  it('refuses cursors up to a passed-over range, and replays what follows it', () => {
    const ring = new ReplayRing({ maxEvents: 100, maxBytes: 1e6, maxAgeMs: 1e9 });
    ring.push([event(1), event(2)]);
    ring.passOver({ seq: 6, ingestionTime: 1006 });
    ring.push([event(7)]);
    assert.equal(ring.after({ kind: 'after', seq: 2, ingestionTime: 1002 }), undefined, 'seqs 3-6 were stored, never pushed');
    assert.deepEqual(seqs(ring.after({ kind: 'after', seq: 6, ingestionTime: 1006 })), [7]);
    assert.equal(ring.after({ kind: 'since', ingestionTime: 1006 }), undefined);
    assert.deepEqual(seqs(ring.after({ kind: 'since', ingestionTime: 1007 })), [7]);
  });

  it('keeps working across compaction of a long evicted prefix', () => {
    const ring = new ReplayRing({ maxEvents: 10, maxBytes: 1e9, maxAgeMs: 1e12 });
    for (let seq = 1; seq <= 5000; seq++) ring.push([event(seq)]);
    assert.deepEqual(seqs(ring.after({ kind: 'after', seq: 4995, ingestionTime: 0 })), [4996, 4997, 4998, 4999, 5000]);
  });
});
