import type { Scope } from '../../../storage/index.js';
import { limitExceeded } from '../errors.js';

/** AWS's concurrent Live Tail session quota per account and region [unconfirmed: 15 is the commonly cited default]. */
export const DEFAULT_MAX_SESSIONS = 15;

/** Counts open sessions per account and region; a slot is released exactly once. */
export class SessionQuota {
  private readonly open = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Takes a slot or throws LimitExceededException; returns the idempotent release. */
  acquire(scope: Scope): () => void {
    const key = `${scope.accountId}/${scope.region}`;
    const count = this.open.get(key) ?? 0;
    if (count >= this.max) {
      throw limitExceeded(`You have exceeded the maximum number of concurrent Live Tail sessions (${this.max}) for this account and Region.`);
    }
    this.open.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(key) ?? 1) - 1;
      if (left === 0) this.open.delete(key);
      else this.open.set(key, left);
    };
  }

  count(scope: Scope): number {
    return this.open.get(`${scope.accountId}/${scope.region}`) ?? 0;
  }
}
