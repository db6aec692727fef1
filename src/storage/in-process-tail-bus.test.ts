import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createInProcessTailBus } from './in-process-tail-bus.js';
import type { TailBatch, TailEvent } from './tail-bus.js';
import { describeTailBusContract } from './tail-bus-contract.js';

describeTailBusContract('in-process', () => createInProcessTailBus());

describe('in-process tail bus', () => {
  const scope = { accountId: '123456789012', region: 'us-east-1' };
  /** A batch that counts how often its events are read. */
  const counted = (seq: number): { batch: TailBatch; reads: () => number } => {
    let reads = 0;
    const events: TailEvent[] = [{ seq, logStreamName: 's', timestamp: seq, ingestionTime: seq, message: `m${seq}` }];
    return {
      batch: { scope, logGroupName: 'g', get events() { reads += 1; return events; } },
      reads: () => reads,
    };
  };

  it('does not read the events of a group no session has watched, and replays only what came after the first', async () => {
    const bus = createInProcessTailBus();
    const unwatched = counted(1);
    bus.publish(unwatched.batch);
    assert.equal(unwatched.reads(), 0);
    const got: number[] = [];
    bus.subscribe(scope, ['g'], (batch) => got.push(...batch.events.map((event) => event.seq)));
    const watched = counted(2);
    bus.publish(watched.batch);
    assert.ok(watched.reads() > 0);
    assert.deepEqual(got, [2]);
    assert.deepEqual(await bus.replay(scope, 'g', { kind: 'after', seq: 0, ingestionTime: 0 }), { kind: 'not-covered' }, 'event 1 was never seen');
    const replay = await bus.replay(scope, 'g', { kind: 'after', seq: 1, ingestionTime: 1 });
    assert.deepEqual(replay.kind === 'covered' ? replay.events.map((event) => event.seq) : replay, [2]);
  });
});
