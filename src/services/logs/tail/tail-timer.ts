/**
 * How a session waits for its next tick. The real one uses timers; tests pass one driven by a ManualClock, so the
 * per-second updates and the three-hour timeout are stepped, never waited for.
 */
export interface TailTimer {
  /** Resolves after `ms`; `cancel` resolves it at once (the session is closing). */
  sleep(ms: number): { readonly done: Promise<void>; cancel(): void };
}

export const realTailTimer: TailTimer = {
  sleep(ms) {
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => { finish = resolve; });
    const handle = setTimeout(finish, ms);
    return { done, cancel: () => { clearTimeout(handle); finish(); } };
  },
};
