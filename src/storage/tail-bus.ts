import type { Scope } from './scope.js';

/**
 * The port live tail reads from: every write path publishes the events it has just stored, and sessions subscribe
 * to the log groups they watch. The embedded adapter is in-process; a scale-out adapter fans batches out through a
 * pub/sub (NATS, Redis) so a session on one node sees writes made on another. Nothing here assumes one process:
 * publish is fire-and-forget, listeners are called with whole batches, and replay is asynchronous.
 */

export interface TailEvent {
  /** The store's event seq: increasing in commit order, so it doubles as a resume cursor. */
  readonly seq: number;
  readonly logStreamName: string;
  readonly timestamp: number;
  readonly ingestionTime: number;
  readonly message: string;
}

/** Events just appended to one log group, in the order they were stored. */
export interface TailBatch {
  readonly scope: Scope;
  readonly logGroupName: string;
  readonly events: readonly TailEvent[];
}

/** Called for every batch published to a subscribed group. Must return at once: it runs on the write path. */
export type TailListener = (batch: TailBatch) => void;

export interface TailSubscription {
  close(): void;
}

/** Where a resuming reader wants to start: strictly after an event it saw, or at a time of ingestion. */
export type TailPosition =
  | { readonly kind: 'after'; readonly seq: number; readonly ingestionTime: number }
  | { readonly kind: 'since'; readonly ingestionTime: number };

/**
 * `covered`: every event of the group after the position that the bus has seen, in publish order.
 * `not-covered`: the bus's replay window does not reach back that far (or it restarted since); read the store.
 */
export type TailReplay = { readonly kind: 'covered'; readonly events: readonly TailEvent[] } | { readonly kind: 'not-covered' };

export interface TailPublisher {
  /** Never waits on a subscriber: a slow reader can only lose its own events. */
  publish(batch: TailBatch): void;
  /** Whether the group has sessions or a replay window now, i.e. whether a write path must keep its events to publish. */
  watches(scope: Scope, logGroupName: string): boolean;
  /**
   * Events up to `through` were stored and will never be published: their write path let them go because nobody
   * watched the group when they arrived. Someone may have started since, so the group's replay window must not
   * vouch for that range (a replay from before it reads the store).
   */
  passOver(scope: Scope, logGroupName: string, through: TailPassedOver): void;
}

/** The last event of a batch that was stored without being published. */
export interface TailPassedOver {
  readonly seq: number;
  readonly ingestionTime: number;
}

export interface TailBus extends TailPublisher {
  subscribe(scope: Scope, logGroupNames: readonly string[], listener: TailListener): TailSubscription;
  replay(scope: Scope, logGroupName: string, from: TailPosition): Promise<TailReplay>;
}
