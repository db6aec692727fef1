import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createInProcessTailBus } from './in-process-tail-bus.js';
import type { TailBatch } from './tail-bus.js';

const scope = { accountId: '111111111111', region: 'us-east-1' };
const batch = (logGroupName: string, seq: number, s = scope): TailBatch => ({
  scope: s, logGroupName, events: [{ seq, logStreamName: 'x', timestamp: seq, ingestionTime: seq, message: `m${seq}` }],
});

describe('in-process TailBus', () => {
  it('delivers a group’s batches to its subscribers only, per account and region, until closed', () => {
    const bus = createInProcessTailBus();
    const got: string[] = [];
    const sub = bus.subscribe(scope, ['a', 'b', 'a'], (b) => got.push(`${b.logGroupName}:${b.events[0]?.seq}`));
    bus.publish(batch('a', 1));
    bus.publish(batch('c', 2));
    bus.publish(batch('b', 3));
    bus.publish(batch('a', 4, { accountId: '222222222222', region: 'us-east-1' }));
    bus.publish(batch('a', 5, { ...scope, region: 'eu-west-1' }));
    sub.close();
    bus.publish(batch('a', 6));
    assert.deepEqual(got, ['a:1', 'b:3'], 'each batch once, even for a group listed twice');
  });

  it('replays a group from its ring, or says it cannot', async () => {
    const bus = createInProcessTailBus();
    assert.deepEqual(await bus.replay(scope, 'a', { kind: 'after', seq: 0, ingestionTime: 0 }), { kind: 'not-covered' });
    bus.publish(batch('a', 5));
    bus.publish(batch('a', 7));
    const replay = await bus.replay(scope, 'a', { kind: 'after', seq: 5, ingestionTime: 5 });
    assert.deepEqual(replay.kind === 'covered' ? replay.events.map((e) => e.seq) : replay, [7]);
  });
});
