import { keepAliveAgent, sendPrepared, throwIfFailed, type Endpoint, type PreparedRequest } from './signed-client.js';

/** One PutLogEvents call ready to send, with what it carries. */
export interface IngestRequest {
  readonly prepared: PreparedRequest;
  readonly events: number;
  /** UTF-8 bytes of the messages, as `storedBytes` counts them. */
  readonly messageBytes: number;
}

export interface IngestOptions {
  readonly endpoint: Endpoint;
  readonly writers: number;
  /** Batches `[fromBatch, toBatch)` of every writer are sent, in order, one in flight per writer. */
  readonly fromBatch: number;
  readonly toBatch: number;
  /** Returns the request for (writer, batch); called one batch ahead, so lazy building overlaps the round trip. */
  readonly requestFor: (writer: number, batch: number) => Promise<IngestRequest>;
  /** No new batch is started after this `performance.now()` instant. */
  readonly deadline?: number;
}

export interface IngestOutcome {
  /** Events the server accepted (sent minus `rejectedLogEventsInfo`). */
  readonly acknowledgedEvents: number;
  readonly rejectedEvents: number;
  readonly batches: number;
  /** Request body bytes on the wire. */
  readonly wireBytes: number;
  /** Message bytes of the accepted batches (exact only when nothing was rejected). */
  readonly messageBytes: number;
  readonly elapsedMs: number;
}

interface PutLogEventsOutput {
  readonly rejectedLogEventsInfo?: {
    readonly tooNewLogEventStartIndex?: number;
    readonly tooOldLogEventEndIndex?: number;
    readonly expiredLogEventEndIndex?: number;
  };
}

/** Several writers, each on its own keep-alive connection, send their batches concurrently. */
export async function driveIngest(options: IngestOptions): Promise<IngestOutcome> {
  const totals = { acknowledgedEvents: 0, rejectedEvents: 0, batches: 0, wireBytes: 0, messageBytes: 0 };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.writers }, (_, writer) => runWriter(options, writer, totals)));
  return { ...totals, elapsedMs: performance.now() - started };
}

async function runWriter(
  options: IngestOptions,
  writer: number,
  totals: { acknowledgedEvents: number; rejectedEvents: number; batches: number; wireBytes: number; messageBytes: number },
): Promise<void> {
  const agent = keepAliveAgent();
  try {
    let next = options.fromBatch < options.toBatch ? options.requestFor(writer, options.fromBatch) : undefined;
    for (let batch = options.fromBatch; next !== undefined; batch++) {
      if (options.deadline !== undefined && performance.now() >= options.deadline) {
        next.catch(() => undefined); // built but never sent
        break;
      }
      const current = await next;
      const response = sendPrepared(options.endpoint, agent, current.prepared);
      next = batch + 1 < options.toBatch ? options.requestFor(writer, batch + 1) : undefined;
      const result = await response;
      throwIfFailed('PutLogEvents', result);
      const rejected = rejectedCount(JSON.parse(result.body === '' ? '{}' : result.body) as PutLogEventsOutput, current.events);
      totals.acknowledgedEvents += current.events - rejected;
      totals.rejectedEvents += rejected;
      totals.batches += 1;
      totals.wireBytes += current.prepared.body.length;
      totals.messageBytes += current.messageBytes;
    }
  } finally {
    agent.destroy();
  }
}

function rejectedCount(output: PutLogEventsOutput, events: number): number {
  const info = output.rejectedLogEventsInfo;
  if (info === undefined) return 0;
  const tooOld = Math.max(info.tooOldLogEventEndIndex ?? 0, info.expiredLogEventEndIndex ?? 0);
  const tooNew = info.tooNewLogEventStartIndex === undefined ? 0 : events - info.tooNewLogEventStartIndex;
  return Math.min(events, tooOld + tooNew);
}
