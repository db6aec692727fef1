import { randomBytes } from 'node:crypto';

export interface KeptResultsLimits {
  /** What all entries together may weigh; the oldest are dropped first, and a heavier entry is not kept. */
  readonly maxWeight: number;
  readonly ttlMs: number;
}

interface Entry<T> {
  readonly value: T;
  /** The request it continues: another request never sees it. */
  readonly request: string;
  readonly weight: number;
  readonly expiresAt: number;
}

/**
 * Results one paged call computed beyond the page it returned, kept for the call that brings its token, so paging
 * through them computes them once. Bounded in weight (bytes, datapoints) and time. A lost entry costs speed only:
 * every token also carries its position, from which the next call computes again.
 */
export class KeptResults<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private weight = 0;

  constructor(
    readonly limits: KeptResultsLimits,
    private readonly weigh: (value: T) => number,
  ) {}

  /** Keeps `value` for `request` and returns its id, or undefined when it weighs nothing or too much. */
  put(request: string, value: T, now: number): string | undefined {
    const weight = this.weigh(value);
    if (weight <= 0 || weight > this.limits.maxWeight) return undefined;
    this.expire(now);
    while (this.weight + weight > this.limits.maxWeight) this.dropOldest();
    const id = randomBytes(9).toString('base64url');
    this.entries.set(id, { value, request, weight, expiresAt: now + this.limits.ttlMs });
    this.weight += weight;
    return id;
  }

  /** Removes and returns the value kept as `id` for exactly this request, if it is still kept. */
  take(id: string, request: string, now: number): T | undefined {
    const entry = this.entries.get(id);
    if (entry === undefined) return undefined;
    this.remove(id, entry);
    return entry.request === request && entry.expiresAt > now ? entry.value : undefined;
  }

  private expire(now: number): void {
    for (const [id, entry] of this.entries) if (entry.expiresAt <= now) this.remove(id, entry);
  }

  private dropOldest(): void {
    const oldest = this.entries.entries().next();
    if (oldest.done === true) return;
    this.remove(oldest.value[0], oldest.value[1]);
  }

  private remove(id: string, entry: Entry<T>): void {
    this.entries.delete(id);
    this.weight -= entry.weight;
  }
}
