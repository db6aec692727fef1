import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../kernel/index.js';
import type { LogStore, Scope, TailBatch, TailBus, TailPassedOver } from '../../../storage/index.js';
import { ConsoleTailStream, type ConsoleTailPosition } from './console-tail-stream.js';
import { LiveTailStream } from './live-tail-stream.js';
import { DEFAULT_MAX_SESSIONS, SessionQuota } from './session-quota.js';
import { DrainScheduler } from './drain-scheduler.js';
import { TailInbox } from './tail-inbox.js';
import { resolveTailSelection, type TailRequest } from './tail-selection.js';
import { realTailTimer, type TailTimer } from './tail-timer.js';

/** AWS closes a Live Tail session after three hours. */
export const SESSION_TIMEOUT_MS = 3 * 3_600_000;
/** AWS buffers up to 5,000 events for a slow reader, then drops the oldest. */
export const SESSION_BUFFER_EVENTS = 5000;

export interface LiveTailOptions {
  readonly bus: TailBus;
  readonly store: LogStore;
  readonly timer?: TailTimer;
  /** Concurrent sessions (StartLiveTail and console streams together) per account and region. */
  readonly maxSessions?: number;
  readonly timeoutMs?: number;
  readonly bufferEvents?: number;
}

export interface StartTailSession {
  readonly scope: Scope;
  readonly request: TailRequest;
  readonly requestId: string;
  readonly clock: Clock;
}

/**
 * Live Tail's engine, shared by StartLiveTail and the console stream: the bus every write path publishes to, the
 * session quota, and the two kinds of session. Validation and quota errors are thrown before a session exists.
 */
export class LiveTail {
  private readonly quota: SessionQuota;
  private readonly timer: TailTimer;
  private readonly bufferEvents: number;
  private readonly scheduler = new DrainScheduler();
  /** Every open session's `return()`, so shutdown can end them (their responses would otherwise never finish). */
  private readonly open = new Set<() => unknown>();

  constructor(private readonly options: LiveTailOptions) {
    this.quota = new SessionQuota(options.maxSessions ?? DEFAULT_MAX_SESSIONS);
    this.timer = options.timer ?? realTailTimer;
    this.bufferEvents = options.bufferEvents ?? SESSION_BUFFER_EVENTS;
  }

  /** Called by every write path once events are stored; returns at once. */
  publish(batch: TailBatch): void {
    this.options.bus.publish(batch);
  }

  watches(scope: Scope, logGroupName: string): boolean {
    return this.options.bus.watches(scope, logGroupName);
  }

  passOver(scope: Scope, logGroupName: string, through: TailPassedOver): void {
    this.options.bus.passOver(scope, logGroupName, through);
  }

  openSessions(scope: Scope): number {
    return this.quota.count(scope);
  }

  /** Ends every open session, StartLiveTail and console alike (server shutdown). */
  closeAll(): void {
    for (const close of [...this.open]) close();
  }

  /** StartLiveTail's response stream: sessionStart first, an update every second, closed by `return()`. */
  async startSession(start: StartTailSession): Promise<LiveTailStream> {
    const selection = await resolveTailSelection(this.options.store, start.scope, start.request);
    const release = this.quota.acquire(start.scope);
    const inbox = new TailInbox(this.options.bus, selection, this.scheduler, this.bufferEvents, () => undefined);
    const { logStreamNames, logStreamNamePrefixes, logEventFilterPattern } = start.request;
    const stream: LiveTailStream = new LiveTailStream({
      selection,
      inbox,
      start: {
        requestId: start.requestId,
        sessionId: randomUUID(),
        logGroupIdentifiers: start.request.logGroupIdentifiers,
        ...(logStreamNames === undefined ? {} : { logStreamNames }),
        ...(logStreamNamePrefixes === undefined ? {} : { logStreamNamePrefixes }),
        // [unconfirmed] AWS echoes the pattern; an absent one is echoed as the empty string.
        logEventFilterPattern: logEventFilterPattern ?? '',
      },
      clock: start.clock,
      timer: this.timer,
      timeoutMs: this.options.timeoutMs ?? SESSION_TIMEOUT_MS,
      onClose: () => {
        inbox.close();
        release();
        this.open.delete(close);
      },
    });
    const close = (): unknown => stream.return();
    this.open.add(close);
    return stream;
  }

  /** The console's stream: each matching event as soon as it is stored, resumable from a cursor or a time. */
  async openConsoleStream(scope: Scope, request: TailRequest, from?: ConsoleTailPosition): Promise<ConsoleTailStream> {
    const selection = await resolveTailSelection(this.options.store, scope, request);
    const release = this.quota.acquire(scope);
    const stream: ConsoleTailStream = new ConsoleTailStream({
      selection, bus: this.options.bus, store: this.options.store, scheduler: this.scheduler, bufferEvents: this.bufferEvents, from,
      onClose: () => {
        release();
        this.open.delete(close);
      },
    });
    const close = (): unknown => stream.return();
    this.open.add(close);
    return stream;
  }
}
