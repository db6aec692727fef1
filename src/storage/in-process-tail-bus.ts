import type { Scope } from './scope.js';
import type { TailBatch, TailBus, TailEvent, TailListener, TailPosition, TailReplay } from './tail-bus.js';
import { ReplayRing, type ReplayLimits } from './replay-ring.js';

export const DEFAULT_REPLAY_LIMITS: ReplayLimits = { maxEvents: 10_000, maxBytes: 8 * 1024 * 1024, maxAgeMs: 15 * 60_000 };

interface GroupChannel {
  readonly listeners: Set<TailListener>;
  readonly ring: ReplayRing;
}

/**
 * The embedded TailBus: listeners are called synchronously from publish, and each group keeps a bounded replay ring
 * (count, bytes and age), so a reader that paused briefly resumes from memory instead of the store. A group gets
 * its channel, ring included, with its first subscription or replay; until then its batches are not even read
 * (tail-batch.ts makes their events on first read), and a replay from before the ring began reads the store.
 */
export function createInProcessTailBus(limits: ReplayLimits = DEFAULT_REPLAY_LIMITS): TailBus {
  const channels = new Map<string, GroupChannel>();
  const keyOf = (scope: Scope, logGroupName: string): string => `${scope.accountId}\u0000${scope.region}\u0000${logGroupName}`;
  const channel = (key: string): GroupChannel => {
    let found = channels.get(key);
    if (found === undefined) {
      found = { listeners: new Set(), ring: new ReplayRing(limits) };
      channels.set(key, found);
    }
    return found;
  };
  return {
    publish(batch: TailBatch): void {
      // The ring starts with a group's first session: a replay from before then reads the store instead.
      const target = channels.get(keyOf(batch.scope, batch.logGroupName));
      if (target === undefined || batch.events.length === 0) return;
      target.ring.push(batch.events);
      for (const listener of target.listeners) listener(batch);
    },
    watches(scope, logGroupName) {
      return channels.has(keyOf(scope, logGroupName));
    },
    passOver(scope, logGroupName, through) {
      channels.get(keyOf(scope, logGroupName))?.ring.passOver(through);
    },
    subscribe(scope, logGroupNames, listener) {
      const targets = [...new Set(logGroupNames)].map((name) => channel(keyOf(scope, name)));
      for (const target of targets) target.listeners.add(listener);
      return { close: () => targets.forEach((target) => target.listeners.delete(listener)) };
    },
    replay(scope, logGroupName, from: TailPosition): Promise<TailReplay> {
      const events: readonly TailEvent[] | undefined = channel(keyOf(scope, logGroupName)).ring.after(from);
      return Promise.resolve(events === undefined ? { kind: 'not-covered' } : { kind: 'covered', events });
    },
  };
}
