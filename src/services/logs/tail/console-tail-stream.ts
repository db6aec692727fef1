import type { LiveTailSessionLogEvent } from '../../../models/logs/index.js';
import type { LogStore, TailBus, TailEvent, TailPosition } from '../../../storage/index.js';
import { formatCursor } from './console-cursor.js';
import { replayBacklog } from './replay-backlog.js';
import { toResult } from './sample-updates.js';
import { TailInbox, type TailMatch } from './tail-inbox.js';
import type { DrainScheduler } from './drain-scheduler.js';
import type { TailSelection } from './tail-selection.js';

export type ConsoleTailPosition = TailPosition;

/**
 * An event object belongs to one published batch (one account, region and group), so its rendering is the same for
 * every session that delivers it; remembering it saves one JSON.stringify per event per session.
 */
const rendered = new WeakMap<TailEvent, ConsoleTailItem>();

/** An event with its resume cursor, or a notice that events were dropped (a slow reader or a too-long gap). */
export type ConsoleTailItem =
  | {
    readonly kind: 'event';
    readonly cursor: string;
    readonly result: LiveTailSessionLogEvent;
    /** `result` as JSON text, made once per event however many sessions deliver it. */
    readonly json: string;
  }
  | { readonly kind: 'dropped'; readonly count: number; readonly resumeCursor?: string };

export interface ConsoleTailStreamOptions {
  readonly selection: TailSelection;
  readonly bus: TailBus;
  readonly store: LogStore;
  readonly scheduler: DrainScheduler;
  readonly bufferEvents: number;
  readonly from: TailPosition | undefined;
  readonly onClose: () => void;
}

/**
 * The console's view of a tail session: every matching event as soon as it is stored (no per-second batching). Each
 * `next()` yields whatever is ready at that moment, in order, so a writer can send it in one chunk. It subscribes before reading the backlog, so nothing published meanwhile slips between the two, and
 * skips live events the backlog already delivered. A reader that falls behind loses the oldest events and is told
 * how many, with the cursor of the last event it got so it can fetch them by resuming.
 */
export class ConsoleTailStream implements AsyncIterableIterator<readonly ConsoleTailItem[]> {
  private readonly inbox: TailInbox;
  private readonly queue: ConsoleTailItem[] = [];
  private readonly backlogSeqs = new Set<number>();
  private backlog: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private closed = false;
  private lastCursor: string | undefined;

  constructor(private readonly options: ConsoleTailStreamOptions) {
    this.inbox = new TailInbox(options.bus, options.selection, options.scheduler, options.bufferEvents, () => this.wake?.());
    const from = options.from;
    if (from !== undefined) this.backlog = this.loadBacklog(from);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<readonly ConsoleTailItem[]>> {
    if (this.backlog !== undefined) {
      await this.backlog;
      this.backlog = undefined;
    }
    for (;;) {
      if (this.closed) return { value: undefined, done: true };
      const { matches, dropped } = this.inbox.take();
      if (dropped > 0) this.queue.push({ kind: 'dropped', count: dropped, ...(this.lastCursor === undefined ? {} : { resumeCursor: this.lastCursor }) });
      for (const match of matches) if (!this.backlogSeqs.has(match.event.seq)) this.queue.push(this.item(match));
      if (this.queue.length > 0) {
        const ready = this.queue.splice(0);
        const last = ready.findLast((item) => item.kind === 'event');
        if (last?.kind === 'event') this.lastCursor = last.cursor;
        return { value: ready, done: false };
      }
      await new Promise<void>((resolve) => { this.wake = resolve; });
      this.wake = undefined;
    }
  }

  return(): Promise<IteratorResult<readonly ConsoleTailItem[]>> {
    if (!this.closed) {
      this.closed = true;
      this.inbox.close();
      this.options.onClose();
      this.wake?.();
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  private async loadBacklog(from: TailPosition): Promise<void> {
    const { matches, truncated } = await replayBacklog(this.options.bus, this.options.store, this.options.selection, from);
    for (const match of matches) {
      this.backlogSeqs.add(match.event.seq);
      this.queue.push(this.item(match));
    }
    const last = matches[matches.length - 1];
    if (truncated && last !== undefined) this.queue.push({ kind: 'dropped', count: 0, resumeCursor: formatCursor(last.event) });
  }

  /** Items are shared between sessions (and so must never be mutated): one per event. */
  private item(match: TailMatch): ConsoleTailItem {
    let shared = rendered.get(match.event);
    if (shared === undefined) {
      const result = toResult(this.options.selection.scope, match);
      shared = { kind: 'event', cursor: formatCursor(match.event), result, json: JSON.stringify(result) };
      rendered.set(match.event, shared);
    }
    return shared;
  }
}
