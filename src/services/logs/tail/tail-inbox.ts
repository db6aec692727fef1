import type { TailBatch, TailBus, TailEvent, TailSubscription } from '../../../storage/index.js';
import type { TailSelection } from './tail-selection.js';

export interface TailMatch {
  readonly logGroupName: string;
  readonly event: TailEvent;
}

/**
 * A session's bounded buffer between the bus and its reader. The bus only appends whole batches (O(1) per batch on
 * the write path); filtering happens later, on `setImmediate`, so a session never slows ingestion. When more than
 * `capacity` matches wait unread, the oldest are dropped and counted, and the reader is told so (sampled/dropped).
 */
export class TailInbox {
  private readonly pending: TailBatch[] = [];
  private pendingEvents = 0;
  private matched: TailMatch[] = [];
  private droppedCount = 0;
  private scheduled = false;
  private readonly subscription: TailSubscription;

  constructor(
    bus: TailBus,
    private readonly selection: TailSelection,
    private readonly capacity: number,
    private readonly onMatch: () => void,
  ) {
    this.subscription = bus.subscribe(selection.scope, selection.logGroupNames, (batch) => this.accept(batch));
  }

  /** Takes every match waiting, in arrival order, and how many were dropped since the last take. */
  take(): { readonly matches: TailMatch[]; readonly dropped: number } {
    this.drain();
    const out = { matches: this.matched, dropped: this.droppedCount };
    this.matched = [];
    this.droppedCount = 0;
    return out;
  }

  get size(): number {
    return this.matched.length;
  }

  close(): void {
    this.subscription.close();
    this.pending.length = 0;
    this.matched = [];
  }

  private accept(batch: TailBatch): void {
    this.pending.push(batch);
    this.pendingEvents += batch.events.length;
    // Unfiltered batches are bounded too: beyond twice the capacity the oldest go unread.
    while (this.pendingEvents > 2 * this.capacity && this.pending.length > 1) {
      const dropped = this.pending.shift() as TailBatch;
      this.pendingEvents -= dropped.events.length;
      this.droppedCount += dropped.events.length;
    }
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        if (this.drain() > 0) this.onMatch();
      });
    }
  }

  /** Filters what the bus delivered; returns how many new matches there are. */
  private drain(): number {
    let added = 0;
    for (const batch of this.pending) {
      for (const event of batch.events) {
        if (!this.selection.matches(event)) continue;
        this.matched.push({ logGroupName: batch.logGroupName, event });
        added += 1;
      }
    }
    this.pending.length = 0;
    this.pendingEvents = 0;
    if (this.matched.length > this.capacity) {
      const excess = this.matched.length - this.capacity;
      this.matched.splice(0, excess);
      this.droppedCount += excess;
    }
    return added;
  }
}
