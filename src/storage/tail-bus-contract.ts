import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TailBatch, TailBus } from './tail-bus.js';

/**
 * What every TailBus adapter must do (the in-process one now, a pub/sub one later): deliver a group's batches to
 * its subscribers only, per account and region, each once, until they close; and replay only what it can vouch for.
 * `settle` waits until published batches have reached listeners (a network adapter delivers asynchronously).
 */
export function describeTailBusContract(name: string, open: () => TailBus, settle: () => Promise<void> = () => Promise.resolve()): void {
  const scope = { accountId: '111111111111', region: 'us-east-1' };
  const batch = (logGroupName: string, seq: number, s = scope): TailBatch => ({
    scope: s, logGroupName, events: [{ seq, logStreamName: 'x', timestamp: seq, ingestionTime: seq, message: `m${seq}` }],
  });

  describe(`TailBus contract: ${name}`, () => {
    it('delivers a group’s batches to its subscribers only, per account and region, once each, until closed', async () => {
      const bus = open();
      const got: string[] = [];
      const sub = bus.subscribe(scope, ['a', 'b', 'a'], (b) => got.push(`${b.logGroupName}:${b.events[0]?.seq}`));
      bus.publish(batch('a', 1));
      bus.publish(batch('c', 2));
      bus.publish(batch('b', 3));
      bus.publish(batch('a', 4, { accountId: '222222222222', region: 'us-east-1' }));
      bus.publish(batch('a', 5, { ...scope, region: 'eu-west-1' }));
      await settle();
      sub.close();
      bus.publish(batch('a', 6));
      await settle();
      assert.deepEqual(got, ['a:1', 'b:3']);
    });

    it('delivers to every subscriber of a group', async () => {
      const bus = open();
      const first: number[] = [];
      const second: number[] = [];
      bus.subscribe(scope, ['a'], (b) => first.push(b.events[0]?.seq ?? -1));
      bus.subscribe(scope, ['a'], (b) => second.push(b.events[0]?.seq ?? -1));
      bus.publish(batch('a', 1));
      await settle();
      assert.deepEqual([first, second], [[1], [1]]);
    });

    it('replays a group after a position it vouches for, and says not-covered otherwise', async () => {
      const bus = open();
      assert.deepEqual(await bus.replay(scope, 'a', { kind: 'after', seq: 0, ingestionTime: 0 }), { kind: 'not-covered' });
      bus.publish(batch('a', 5));
      bus.publish(batch('a', 7));
      await settle();
      const replay = await bus.replay(scope, 'a', { kind: 'after', seq: 5, ingestionTime: 5 });
      assert.deepEqual(replay.kind === 'covered' ? replay.events.map((e) => e.seq) : replay, [7]);
      assert.deepEqual(await bus.replay(scope, 'a', { kind: 'after', seq: 1, ingestionTime: 1 }), { kind: 'not-covered' });
    });

    it('watches a group from its first subscription or replay, per account and region', async () => {
      const bus = open();
      assert.equal(bus.watches(scope, 'a'), false);
      bus.subscribe(scope, ['a'], () => undefined);
      await bus.replay(scope, 'b', { kind: 'after', seq: 0, ingestionTime: 0 });
      assert.equal(bus.watches(scope, 'a'), true);
      assert.equal(bus.watches(scope, 'b'), true, 'a replay starts the replay window');
      assert.equal(bus.watches({ ...scope, region: 'eu-west-1' }, 'a'), false);
    });

    it('vouches for nothing up to a passed-over batch, and for what is published after it', async () => {
      const bus = open();
      bus.subscribe(scope, ['a'], () => undefined);
      bus.publish(batch('a', 5));
      bus.passOver(scope, 'a', { seq: 9, ingestionTime: 9 });
      bus.publish(batch('a', 10));
      await settle();
      assert.deepEqual(await bus.replay(scope, 'a', { kind: 'after', seq: 5, ingestionTime: 5 }), { kind: 'not-covered' }, 'seqs 6-9 were never published');
      const replay = await bus.replay(scope, 'a', { kind: 'after', seq: 9, ingestionTime: 9 });
      assert.deepEqual(replay.kind === 'covered' ? replay.events.map((e) => e.seq) : replay, [10]);
      bus.passOver(scope, 'unwatched', { seq: 20, ingestionTime: 20 });
      assert.equal(bus.watches(scope, 'unwatched'), false, 'passing over an unwatched group does not start watching it');
    });
  });
}
