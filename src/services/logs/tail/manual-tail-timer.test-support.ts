import type { ManualClock } from '../../../kernel/index.js';
import type { TailTimer } from './tail-timer.js';

interface Sleeper {
  readonly due: number;
  readonly resolve: () => void;
}

/** Lets every pending callback (setImmediate drains, promise continuations) run. */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A TailTimer on a ManualClock: `advance` moves the clock and wakes each sleeper in due order, settling between. */
export class ManualTailTimer implements TailTimer {
  private sleepers: Sleeper[] = [];

  constructor(private readonly clock: ManualClock) {}

  sleep(ms: number): { readonly done: Promise<void>; cancel(): void } {
    let resolve: () => void = () => undefined;
    const done = new Promise<void>((r) => { resolve = r; });
    const sleeper = { due: this.clock.now() + ms, resolve };
    this.sleepers.push(sleeper);
    return { done, cancel: () => { this.sleepers = this.sleepers.filter((s) => s !== sleeper); resolve(); } };
  }

  async advance(ms: number): Promise<void> {
    const target = this.clock.now() + ms;
    await settle();
    for (;;) {
      const next = this.sleepers.reduce<Sleeper | undefined>((a, b) => (a === undefined || b.due < a.due ? b : a), undefined);
      if (next === undefined || next.due > target) break;
      this.sleepers = this.sleepers.filter((s) => s !== next);
      if (next.due > this.clock.now()) this.clock.set(next.due);
      next.resolve();
      await settle();
    }
    this.clock.set(target);
  }
}
