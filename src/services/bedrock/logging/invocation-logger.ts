import { randomBytes, randomUUID } from 'node:crypto';
import type { InvocationOutcome, InvocationSink } from '../invocation-outcome.js';
import { DEFAULT_RETRY_DELAYS_MS } from './deliver-with-retry.js';
import { DeliveryPipeline, type Queued } from './delivery-pipeline.js';
import type { InvocationLoggerDeps, InvocationLoggerOptions } from './invocation-logger-deps.js';
import { decodeOutcome, encodeOutcome } from './outcome-codec.js';
import { DEFAULT_S3_BATCH_MAX_AGE_MS, DEFAULT_S3_BATCH_MAX_BYTES } from './s3-record-batches.js';

export interface InvocationLogger extends InvocationSink {
  /** What the background timer runs: writes S3 batches past their age and the metrics collected so far. */
  flushDue(): Promise<void>;
  /** Delivers everything recorded so far (all S3 batches regardless of age), writes metrics, syncs the spool. */
  flush(): Promise<void>;
  /** flush(), then stops; later outcomes are refused (and reported). */
  close(): Promise<void>;
  /** Outcomes dropped because the queue was full (each also reported through logError). */
  readonly dropped: number;
}

const DRAIN_BATCH = 256;

/**
 * The InvocationSink the gateway hands every outcome to. `record()` only queues it; on the next turn of the event
 * loop it is appended to the spool (durable within 200 ms) and a background drain records the runtime metrics
 * (always, as on AWS), reads the logging configuration and delivers the records (delivery-pipeline.ts). Outcomes
 * left in the spool by a crash are delivered first.
 */
export async function createInvocationLogger(deps: InvocationLoggerDeps): Promise<InvocationLogger> {
  const options: InvocationLoggerOptions = {
    s3BatchMaxBytes: DEFAULT_S3_BATCH_MAX_BYTES,
    s3BatchMaxAgeMs: DEFAULT_S3_BATCH_MAX_AGE_MS,
    tickMs: 1_000,
    maxQueue: 10_000,
    retryDelaysMs: DEFAULT_RETRY_DELAYS_MS,
    ...deps.options,
  };
  const pipeline = new DeliveryPipeline(deps, options, deps.ids ?? { uuid: randomUUID, hex16: () => randomBytes(8).toString('hex') });
  const queue: Queued[] = [];
  let arrivals: InvocationOutcome[] = []; // not yet spooled
  let draining: Promise<void> | undefined;
  let closed = false;
  let dropped = 0;

  const drain = async (): Promise<void> => {
    while (queue.length > 0) {
      try {
        await pipeline.deliver(queue.splice(0, DRAIN_BATCH));
      } catch (error) {
        // Entries of a failed batch stay unreleased in the spool and are delivered after the next restart.
        deps.logError('invocation log delivery failed', error);
      }
    }
    draining = undefined;
  };
  const kick = (): Promise<void> => (draining ??= new Promise<void>((resolve) => setImmediate(resolve)).then(drain));
  const enqueue = (seq: number, outcome: InvocationOutcome): void => {
    pipeline.track(seq);
    queue.push({ seq, outcome });
    void kick();
  };
  const spoolArrivals = (): void => {
    const batch = arrivals;
    arrivals = [];
    for (const outcome of batch) enqueue(deps.spool.append(encodeOutcome(outcome)), outcome);
  };

  for (const entry of deps.spool.takeRecovered()) {
    try {
      enqueue(entry.seq, decodeOutcome(entry.line));
    } catch (error) {
      deps.logError(`skipping an unreadable delivery spool entry (seq ${entry.seq})`, error);
    }
  }

  const flushDue = async (): Promise<void> => {
    spoolArrivals();
    if (draining !== undefined) await draining; // outcomes already queued open their batches first
    await pipeline.flushDue(false);
  };
  const flush = async (): Promise<void> => {
    spoolArrivals();
    while (draining !== undefined || queue.length > 0) await kick();
    await pipeline.flushDue(true);
    await deps.spool.flush();
  };
  let ticking: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    ticking = ticking.then(flushDue).catch((error: unknown) => deps.logError('invocation log tick failed', error));
  }, options.tickMs);
  timer.unref();

  return {
    record(outcome) {
      if (closed) return deps.logError('an invocation outcome arrived after the logger closed', outcome.requestId);
      if (queue.length + arrivals.length >= options.maxQueue) {
        dropped++;
        return deps.logError(`invocation log queue full (${options.maxQueue}); dropped ${outcome.requestId}`, undefined);
      }
      arrivals.push(outcome);
      if (arrivals.length === 1) setImmediate(spoolArrivals);
    },
    flushDue,
    flush,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      await ticking;
      await flush();
      await deps.spool.close();
    },
    get dropped() {
      return dropped;
    },
  };
}
