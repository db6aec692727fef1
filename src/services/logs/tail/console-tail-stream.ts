import type { LiveTailSessionLogEvent } from '../../../models/logs/index.js';
import type { LogStore, TailBus, TailPosition } from '../../../storage/index.js';
import { formatCursor } from './console-cursor.js';
import { replayBacklog } from './replay-backlog.js';
import { toResult } from './sample-updates.js';
import { TailInbox, type TailMatch } from './tail-inbox.js';
import type { TailSelection } from './tail-selection.js';

export type ConsoleTailPosition = TailPosition;

/** An event with its resume cursor, or a notice that events were dropped (a slow reader or a too-long gap). */
export type ConsoleTailItem =
  | { readonly kind: 'event'; readonly cursor: string; readonly result: LiveTailSessionLogEvent }
  | { readonly kind: 'dropped'; readonly count: number; readonly resumeCursor?: string };

export interface ConsoleTailStreamOptions {
  readonly selection: TailSelection;
  readonly bus: TailBus;
  readonly store: LogStore;
  readonly bufferEvents: number;
  readonly from: TailPosition | undefined;
  readonly onClose: () => void;
}

/**
 * The console's view of a tail session: every matching event, one by one, as soon as it is stored (no per-second
 * batching). It subscribes before reading the backlog, so nothing published meanwhile slips between the two, and
 * skips live events the backlog already delivered. A reader that falls behind loses the oldest events and is told
 * how many, with the cursor of the last event it got so it can fetch them by resuming.
 */
export class ConsoleTailStream implements AsyncIterableIterator<ConsoleTailItem> {
  private readonly inbox: TailInbox;
  private readonly queue: ConsoleTailItem[] = [];
  private readonly backlogSeqs = new Set<number>();
  private backlog: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private closed = false;
  private lastCursor: string | undefined;

  constructor(private readonly options: ConsoleTailStreamOptions) {
    this.inbox = new TailInbox(options.bus, options.selection, options.bufferEvents, () => this.wake?.());
    const from = options.from;
    if (from !== undefined) this.backlog = this.loadBacklog(from);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<ConsoleTailItem>> {
    if (this.backlog !== undefined) {
      await this.backlog;
      this.backlog = undefined;
    }
    for (;;) {
      if (this.closed) return { value: undefined, done: true };
      const queued = this.queue.shift();
      if (queued !== undefined) return { value: this.remember(queued), done: false };
      const { matches, dropped } = this.inbox.take();
      if (dropped > 0) this.queue.push({ kind: 'dropped', count: dropped, ...(this.lastCursor === undefined ? {} : { resumeCursor: this.lastCursor }) });
      for (const match of matches) if (!this.backlogSeqs.has(match.event.seq)) this.queue.push(this.item(match));
      if (this.queue.length > 0) continue;
      await new Promise<void>((resolve) => { this.wake = resolve; });
      this.wake = undefined;
    }
  }

  return(): Promise<IteratorResult<ConsoleTailItem>> {
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

  private item(match: TailMatch): ConsoleTailItem {
    return { kind: 'event', cursor: formatCursor(match.event), result: toResult(this.options.selection.scope, match) };
  }

  private remember(item: ConsoleTailItem): ConsoleTailItem {
    if (item.kind === 'event') this.lastCursor = item.cursor;
    return item;
  }
}
