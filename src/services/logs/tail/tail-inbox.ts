import type { TailBatch, TailBus, TailEvent, TailSubscription } from '../../../storage/index.js';
import type { DrainScheduler, DrainTarget } from './drain-scheduler.js';
import type { TailSelection } from './tail-selection.js';

export interface TailMatch {
  readonly logGroupName: string;
  readonly event: TailEvent;
}

/**
 * A session's bounded buffer between the bus and its reader. The bus only hands over whole batches (O(1) per batch
 * on the write path); the shared DrainScheduler filters them later, so a session never slows ingestion. When more
 * than `capacity` matches wait unread, the oldest are dropped and counted, and the reader is told so.
 */
export class TailInbox implements DrainTarget {
  private matched: TailMatch[] = [];
  private droppedCount = 0;
  private added = 0;
  private waiting = 0;
  private closed = false;
  private readonly subscription: TailSubscription;

  constructor(
    bus: TailBus,
    private readonly selection: TailSelection,
    private readonly scheduler: DrainScheduler,
    private readonly capacity: number,
    private readonly onMatch: () => void,
  ) {
    this.subscription = bus.subscribe(selection.scope, selection.logGroupNames, (batch) => this.accept(batch));
  }

  /** Takes every match waiting, in arrival order, and how many were dropped since the last take. */
  take(): { readonly matches: TailMatch[]; readonly dropped: number } {
    if (this.waiting > 0) this.scheduler.flush();
    const out = { matches: this.matched, dropped: this.droppedCount };
    this.matched = [];
    this.droppedCount = 0;
    return out;
  }

  close(): void {
    this.closed = true;
    this.subscription.close();
    this.matched = [];
  }

  consider(batch: TailBatch, event: TailEvent): void {
    if (this.closed || !this.selection.matches(event)) return;
    this.matched.push({ logGroupName: batch.logGroupName, event });
    this.added += 1;
  }

  drained(): void {
    this.waiting = 0;
    if (this.matched.length > this.capacity) {
      const excess = this.matched.length - this.capacity;
      this.matched.splice(0, excess);
      this.droppedCount += excess;
    }
    if (this.added > 0 && !this.closed) {
      this.added = 0;
      this.onMatch();
    }
  }

  private accept(batch: TailBatch): void {
    // Unfiltered batches are bounded too: far behind, whole batches go unread and count as dropped.
    if (this.waiting > 2 * this.capacity) {
      this.droppedCount += batch.events.length;
      return;
    }
    this.waiting += batch.events.length;
    this.scheduler.enqueue(batch, this);
  }
}
