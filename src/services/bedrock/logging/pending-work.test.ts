import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PendingWork } from './pending-work.js';

describe('PendingWork watermark', () => {
  it('releases up to the oldest unfinished seq, whatever order work finishes in', () => {
    const work = new PendingWork();
    work.add(1, 1);
    work.add(2, 1);
    work.add(3, 1);
    work.extend(2, 1); // seq 2 also waits for a destination
    assert.equal(work.watermark(), 0);
    work.done(3);
    assert.equal(work.watermark(), 0, 'seq 1 still open');
    work.done(1);
    assert.equal(work.watermark(), 1);
    work.done(2);
    assert.equal(work.watermark(), 1, 'seq 2 has a second part');
    work.done(2);
    assert.equal(work.watermark(), 3);
    assert.equal(work.size, 0);
  });

  it('stays correct over many seqs (the queue compacts)', () => {
    const work = new PendingWork();
    for (let seq = 1; seq <= 5_000; seq++) work.add(seq, 1);
    for (let seq = 1; seq <= 4_000; seq++) work.done(seq);
    assert.equal(work.watermark(), 4_000);
    for (let seq = 4_001; seq <= 5_000; seq++) work.done(seq);
    assert.equal(work.watermark(), 5_000);
  });
});
