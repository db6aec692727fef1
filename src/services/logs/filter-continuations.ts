import { randomBytes } from 'node:crypto';
import type { EventCursor, StoredLogEvent } from '../../storage/index.js';
import { eventSize } from './event-size.js';

/**
 * Matches one FilterLogEvents read found beyond the page it returned, kept for the call that brings its nextToken.
 * A page holds at most 1 MB, so a pattern with many matches would otherwise scan the group again for every page,
 * each scan re-reading everything past the cursor; served from here, a paged read costs one scan.
 */
export interface FilterContinuation {
  /** The matches not yet returned, in read order. */
  readonly events: readonly StoredLogEvent[];
  /** The last candidate the read examined: where a fresh read continues once `events` are used up. */
  readonly resume: EventCursor;
  /** The read had examined every candidate: nothing lies beyond `resume`. */
  readonly exhausted: boolean;
}

interface Entry extends FilterContinuation {
  /** The request it continues (scope, group, streams, pattern, times, direction): another request never sees it. */
  readonly request: string;
  readonly bytes: number;
  readonly expiresAt: number;
}

export interface FilterContinuationLimits {
  /** Message bytes (as pages count them) one continuation may hold. */
  readonly maxBytesPerEntry: number;
  /** Message bytes all continuations together may hold; the oldest are dropped first. */
  readonly maxBytes: number;
  readonly ttlMs: number;
}

export const DEFAULT_CONTINUATION_LIMITS: FilterContinuationLimits = {
  maxBytesPerEntry: 8 * 1_048_576,
  maxBytes: 32 * 1_048_576,
  ttlMs: 5 * 60_000,
};

/**
 * Bounded in bytes and time. A lost entry costs speed only: every token also carries its position, from which
 * the next call reads the store again.
 */
export class FilterContinuations {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(readonly limits: FilterContinuationLimits = DEFAULT_CONTINUATION_LIMITS) {}

  /** Keeps `continuation` for `request` and returns its id, or undefined when it holds no events. */
  put(request: string, continuation: FilterContinuation, now: number): string | undefined {
    if (continuation.events.length === 0) return undefined;
    const bytes = continuation.events.reduce((sum, event) => sum + eventSize(event.message), 0);
    if (bytes > this.limits.maxBytes) return undefined;
    this.expire(now);
    while (this.bytes + bytes > this.limits.maxBytes) this.dropOldest();
    const id = randomBytes(9).toString('base64url');
    this.entries.set(id, { ...continuation, request, bytes, expiresAt: now + this.limits.ttlMs });
    this.bytes += bytes;
    return id;
  }

  /** Removes and returns the continuation `id` of exactly this request, if it is still kept. */
  take(id: string, request: string, now: number): FilterContinuation | undefined {
    const entry = this.entries.get(id);
    if (entry === undefined) return undefined;
    this.remove(id, entry);
    return entry.request === request && entry.expiresAt > now ? entry : undefined;
  }

  private expire(now: number): void {
    for (const [id, entry] of this.entries) if (entry.expiresAt <= now) this.remove(id, entry);
  }

  private dropOldest(): void {
    const oldest = this.entries.entries().next();
    if (oldest.done === true) return;
    this.remove(oldest.value[0], oldest.value[1]);
  }

  private remove(id: string, entry: Entry): void {
    this.entries.delete(id);
    this.bytes -= entry.bytes;
  }
}
