import { ServiceError, type Clock } from '../../../kernel/index.js';
import type { LiveTailSessionStart, LiveTailSessionUpdate } from '../../../models/logs/index.js';
import type { TailInbox } from './tail-inbox.js';
import type { TailSelection } from './tail-selection.js';
import type { TailTimer } from './tail-timer.js';
import { sampleResults } from './sample-updates.js';

/** One value of StartLiveTail's `responseStream` union; in-stream exceptions are thrown, named like their member. */
export type LiveTailStreamEvent = { readonly sessionStart: LiveTailSessionStart } | { readonly sessionUpdate: LiveTailSessionUpdate };

export const UPDATE_INTERVAL_MS = 1000;
/** AWS buffers up to 10 updates for a reader that falls behind, then drops the oldest. */
export const MAX_BUFFERED_UPDATES = 10;

export interface LiveTailStreamOptions {
  readonly selection: TailSelection;
  readonly inbox: TailInbox;
  readonly start: LiveTailSessionStart;
  readonly clock: Clock;
  readonly timer: TailTimer;
  readonly timeoutMs: number;
  /** Called once when the session ends for any reason (frees its quota slot, closes the inbox). */
  readonly onClose: () => void;
}

/**
 * A Live Tail session as an async iterator: `sessionStart` at once, then a `sessionUpdate` every second (empty when
 * nothing matched), then SessionTimeoutException after the timeout. Updates are sealed on the clock whether or not
 * the reader keeps up; unread ones beyond ten are dropped and the next update says `sampled`. `return()` (the
 * client went away) ends the session at once, even while a `next()` is waiting.
 */
export class LiveTailStream implements AsyncIterableIterator<LiveTailStreamEvent> {
  private readonly ready: LiveTailStreamEvent[] = [];
  private waiter: ((value: IteratorResult<LiveTailStreamEvent>) => void) | undefined;
  private failWaiter: ((error: unknown) => void) | undefined;
  private ending: ServiceError | 'closed' | undefined;
  private sleeping: { cancel(): void } | undefined;
  private readonly startedAt: number;

  constructor(private readonly options: LiveTailStreamOptions) {
    this.startedAt = options.clock.now();
    this.ready.push({ sessionStart: options.start });
    void this.tick();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /**
   * Only reached when a protocol without event streams tries to serialize the output as plain JSON: end the session
   * (freeing its slot) and refuse, rather than answer 200 with a stream's internals.
   */
  toJSON(): never {
    this.finish('closed');
    throw new ServiceError('UnknownOperationException', 'StartLiveTail answers with an event stream, which this endpoint cannot send.');
  }

  next(): Promise<IteratorResult<LiveTailStreamEvent>> {
    const value = this.ready.shift();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    if (this.ending === 'closed') return Promise.resolve({ value: undefined, done: true });
    if (this.ending !== undefined) {
      const error = this.ending;
      this.ending = 'closed';
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.waiter = resolve;
      this.failWaiter = reject;
    });
  }

  return(): Promise<IteratorResult<LiveTailStreamEvent>> {
    this.finish('closed');
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<LiveTailStreamEvent>> {
    this.finish('closed');
    return Promise.reject(error);
  }

  private async tick(): Promise<void> {
    while (this.ending === undefined) {
      const sleep = this.options.timer.sleep(UPDATE_INTERVAL_MS);
      this.sleeping = sleep;
      await sleep.done;
      if (this.ending !== undefined) return;
      try {
        this.seal();
      } catch (cause) {
        this.finish(new ServiceError('SessionStreamingException', 'An unknown error occurred in the Live Tail session.', { cause, fault: 'server' }));
        return;
      }
      if (this.options.clock.now() - this.startedAt >= this.options.timeoutMs) {
        // [unconfirmed] message text; the exception name and the three hours are documented.
        this.finish(new ServiceError('SessionTimeoutException', 'The Live Tail session has timed out after 3 hours.'));
      }
    }
  }

  private seal(): void {
    const { matches, dropped } = this.options.inbox.take();
    const { results, sampled } = sampleResults(this.options.selection.scope, matches);
    // A reader ten updates behind loses the oldest; the update that replaces it says the view is incomplete.
    const lost = this.ready.length >= MAX_BUFFERED_UPDATES;
    if (lost) this.ready.shift();
    this.deliver({ sessionUpdate: { sessionMetadata: { sampled: sampled || dropped > 0 || lost }, sessionResults: results } });
  }

  private deliver(value: LiveTailStreamEvent): void {
    const waiter = this.waiter;
    if (waiter === undefined) {
      this.ready.push(value);
      return;
    }
    this.waiter = undefined;
    this.failWaiter = undefined;
    waiter({ value, done: false });
  }

  private finish(reason: ServiceError | 'closed'): void {
    if (this.ending !== undefined) return;
    this.ending = reason;
    this.sleeping?.cancel();
    this.options.onClose();
    if (reason === 'closed') this.ready.length = 0;
    const waiter = this.waiter;
    const fail = this.failWaiter;
    this.waiter = undefined;
    this.failWaiter = undefined;
    if (waiter === undefined || fail === undefined) return;
    if (reason === 'closed') waiter({ value: undefined, done: true });
    else {
      this.ending = 'closed';
      fail(reason);
    }
  }
}
