import type { EventCursor, StoredLogEvent } from '../../storage/index.js';
import { KeptResults } from '../common/index.js';
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

/** Bounded in bytes (as pages count them) and time; a lost entry costs a second read, never a wrong page. */
export class FilterContinuations {
  private readonly kept: KeptResults<FilterContinuation>;

  constructor(readonly limits: FilterContinuationLimits = DEFAULT_CONTINUATION_LIMITS) {
    this.kept = new KeptResults({ maxWeight: limits.maxBytes, ttlMs: limits.ttlMs }, (continuation) =>
      continuation.events.reduce((sum, event) => sum + eventSize(event.message), 0));
  }

  /** Keeps `continuation` for `request` and returns its id, or undefined when it holds no events. */
  put(request: string, continuation: FilterContinuation, now: number): string | undefined {
    return this.kept.put(request, continuation, now);
  }

  /** Removes and returns the continuation `id` of exactly this request, if it is still kept. */
  take(id: string, request: string, now: number): FilterContinuation | undefined {
    return this.kept.take(id, request, now);
  }
}
