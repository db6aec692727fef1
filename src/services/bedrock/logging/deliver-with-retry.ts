/**
 * The retry policy of log delivery, bounded so a dead destination never holds the queue for long: up to
 * `delaysMs.length + 1` attempts, waiting `delaysMs[i]` before retry i+1 (default 200 ms, then 1 s). An attempt
 * that answers `permanent` (the log group or bucket is gone) is not retried. Each attempt is reported, because the
 * delivery-health metrics count attempts (spec 2.6).
 */
export type AttemptResult = 'ok' | 'retry' | 'permanent';

export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [200, 1_000];

export async function deliverWithRetry(options: {
  readonly attempt: () => Promise<AttemptResult>;
  readonly onAttempt: (ok: boolean) => void;
  readonly delaysMs: readonly number[];
  readonly sleep: (ms: number) => Promise<void>;
}): Promise<boolean> {
  for (let i = 0; ; i++) {
    let result: AttemptResult;
    try {
      result = await options.attempt();
    } catch {
      result = 'retry';
    }
    options.onAttempt(result === 'ok');
    if (result === 'ok') return true;
    const delay = options.delaysMs[i];
    if (result === 'permanent' || delay === undefined) return false;
    await options.sleep(delay);
  }
}
