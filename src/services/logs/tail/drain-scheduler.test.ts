import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TailBatch, TailEvent } from '../../../storage/index.js';
import { DrainScheduler, type DrainTarget } from './drain-scheduler.js';
import { settle } from './manual-tail-timer.test-support.js';

const batch = (...seqs: number[]): TailBatch => ({
  scope: { accountId: '1', region: 'r' }, logGroupName: 'g',
  events: seqs.map((seq) => ({ seq, logStreamName: 's', timestamp: seq, ingestionTime: seq, message: `m${seq}` })),
});

function recorder(name: string, log: string[]): DrainTarget {
  return { consider: (_b: TailBatch, e: TailEvent) => log.push(`${name}${e.seq}`), drained: () => log.push(`${name} done`) };
}

describe('DrainScheduler', () => {
  it('offers each event to every session before the next event, off the publishing call', async () => {
    const scheduler = new DrainScheduler();
    const log: string[] = [];
    const a = recorder('a', log);
    const b = recorder('b', log);
    const shared = batch(1, 2);
    scheduler.enqueue(shared, a);
    scheduler.enqueue(shared, b);
    assert.deepEqual(log, [], 'nothing runs on the write path');
    await settle();
    assert.deepEqual(log, ['a1', 'b1', 'a2', 'b2', 'a done', 'b done']);
  });

  it('flushes on demand, once', async () => {
    const scheduler = new DrainScheduler();
    const log: string[] = [];
    scheduler.enqueue(batch(7), recorder('a', log));
    scheduler.flush();
    await settle();
    assert.deepEqual(log, ['a7', 'a done']);
  });
});
