import type { TailBatch, TailEvent } from '../../../storage/index.js';

/** What the scheduler asks of a session's inbox. */
export interface DrainTarget {
  /** Offers one event of a batch the target received; called event-major across targets. */
  consider(batch: TailBatch, event: TailEvent): void;
  /** All of the batches it received were considered. */
  drained(): void;
}

/**
 * Filters published batches for every session in one pass per batch, off the write path (`setImmediate`). Event-major
 * order (each event offered to every session in turn) lets sessions with JSON patterns share one parse of the event
 * (the matcher remembers its last parse), so twenty sessions cost about one JSON.parse per event, not twenty.
 */
export class DrainScheduler {
  private pending = new Map<TailBatch, DrainTarget[]>();
  private scheduled = false;

  enqueue(batch: TailBatch, target: DrainTarget): void {
    const targets = this.pending.get(batch);
    if (targets === undefined) this.pending.set(batch, [target]);
    else targets.push(target);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Runs every pending drain now (a reader about to take its matches must see everything published so far). */
  flush(): void {
    this.scheduled = false;
    const pending = this.pending;
    this.pending = new Map();
    const touched = new Set<DrainTarget>();
    for (const [batch, targets] of pending) {
      for (const event of batch.events) for (const target of targets) target.consider(batch, event);
      for (const target of targets) touched.add(target);
    }
    for (const target of touched) target.drained();
  }
}
