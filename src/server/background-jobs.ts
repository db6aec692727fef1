import type { Clock } from '../kernel/index.js';
import type { LogStore } from '../storage/index.js';

export interface BackgroundJobs {
  stop(): Promise<void>;
}

/**
 * Periodic work that is no request's business: purging events past their group's retention. Reads already hide
 * expired events, so the sweep only reclaims space and may lag. A sweep never overlaps the previous one.
 */
export function startBackgroundJobs(options: {
  readonly logs: LogStore;
  readonly clock: Clock;
  readonly retentionSweepMs: number;
  readonly logError: (message: string, error: unknown) => void;
}): BackgroundJobs {
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = running
      .then(() => options.logs.purgeExpired(options.clock.now()))
      .then(() => undefined, (error: unknown) => options.logError('retention sweep failed', error));
  }, options.retentionSweepMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
