import type { TailEvent, TailPassedOver, TailPosition } from './tail-bus.js';

export interface ReplayLimits {
  readonly maxEvents: number;
  /** UTF-16 code units of messages, a cheap stand-in for bytes. */
  readonly maxBytes: number;
  /** Events ingested longer than this before the newest one are evicted. */
  readonly maxAgeMs: number;
}

/**
 * One log group's recent events, oldest first, bounded by count, size and age. It knows what it can vouch for: it
 * has seen every event published since its first one, minus what it evicted, so a position before that answers
 * `undefined` (the caller reads the store) rather than a silently incomplete list.
 */
export class ReplayRing {
  private events: TailEvent[] = [];
  private head = 0;
  private bytes = 0;
  private firstSeen: TailEvent | undefined;
  private evictedSeq = -Infinity;
  private evictedIngestion = -Infinity;

  constructor(private readonly limits: ReplayLimits) {}

  push(batch: readonly TailEvent[]): void {
    for (const event of batch) {
      this.firstSeen ??= event;
      this.events.push(event);
      this.bytes += event.message.length;
    }
    const newest = this.events[this.events.length - 1]?.ingestionTime ?? 0;
    while (this.head < this.events.length) {
      const oldest = this.events[this.head] as TailEvent;
      const over = this.events.length - this.head > this.limits.maxEvents || this.bytes > this.limits.maxBytes;
      if (!over && oldest.ingestionTime >= newest - this.limits.maxAgeMs) break;
      this.evict(oldest);
    }
    // Compact once the evicted prefix dominates, keeping pushes amortised O(1).
    if (this.head > 1024 && this.head * 2 > this.events.length) {
      this.events = this.events.slice(this.head);
      this.head = 0;
    }
  }

  /** Events up to `through` were stored but never pushed: from here on the ring vouches only for what follows. */
  passOver(through: TailPassedOver): void {
    this.evictedSeq = Math.max(this.evictedSeq, through.seq);
    this.evictedIngestion = Math.max(this.evictedIngestion, through.ingestionTime);
  }

  /** Every retained event after `from` in publish order, or `undefined` when the ring cannot vouch for the range. */
  after(from: TailPosition): TailEvent[] | undefined {
    const first = this.firstSeen;
    if (first === undefined) return undefined;
    const live = this.events.slice(this.head);
    if (from.kind === 'after') {
      // Events before the first one seen may exist in the store (written before this process started).
      if (from.seq < first.seq - 1 || from.seq < this.evictedSeq) return undefined;
      return live.filter((event) => event.seq > from.seq);
    }
    if (from.ingestionTime <= first.ingestionTime || from.ingestionTime <= this.evictedIngestion) return undefined;
    return live.filter((event) => event.ingestionTime >= from.ingestionTime);
  }

  private evict(event: TailEvent): void {
    this.head += 1;
    this.bytes -= event.message.length;
    this.evictedSeq = Math.max(this.evictedSeq, event.seq);
    this.evictedIngestion = Math.max(this.evictedIngestion, event.ingestionTime);
  }
}
