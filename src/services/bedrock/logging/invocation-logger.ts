import { randomBytes, randomUUID } from 'node:crypto';
import type { Scope } from '../../../storage/index.js';
import type { InvocationOutcome, InvocationSink } from '../invocation-outcome.js';
import { DEFAULT_RETRY_DELAYS_MS } from './deliver-with-retry.js';
import type { InvocationLoggerDeps, InvocationLoggerOptions } from './invocation-logger-deps.js';
import { deliverToCloudWatch, prepareRecords, writeS3Batch, type DeliveryContext } from './log-deliveries.js';
import type { LogEventInput } from './log-destinations.js';
import { MetricBatcher } from './metric-batcher.js';
import { decodeOutcome, encodeOutcome } from './outcome-codec.js';
import { PendingWork } from './pending-work.js';
import { deliveryMetricPoint, runtimeMetricPoints } from './runtime-metrics.js';
import { DEFAULT_S3_BATCH_MAX_AGE_MS, DEFAULT_S3_BATCH_MAX_BYTES, S3RecordBatches, type S3RecordBatch } from './s3-record-batches.js';

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

interface Queued {
  readonly seq: number;
  readonly outcome: InvocationOutcome;
}

const DRAIN_BATCH = 256;

/**
 * The InvocationSink the gateway hands every outcome to. `record()` spools the outcome (durable within 200 ms) and
 * queues it; a background drain records the runtime metrics (always, as on AWS), reads the logging configuration
 * and delivers the records to CloudWatch Logs and/or S3. A destination that fails never blocks the other. The spool
 * is released as work finishes, and replayed at start, so a crash loses at most the spool's sync interval.
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
  const ids = deps.ids ?? { uuid: randomUUID, hex16: () => randomBytes(8).toString('hex') };
  const metrics = new MetricBatcher(deps.metrics);
  const pending = new PendingWork();
  const batches = new S3RecordBatches({ maxBytes: options.s3BatchMaxBytes, maxAgeMs: options.s3BatchMaxAgeMs });
  let metricSeqs: number[] = [];
  const queue: Queued[] = [];
  let draining: Promise<void> | undefined;
  let closed = false;
  let dropped = 0;

  const finish = (seq: number): void => {
    pending.done(seq);
    deps.spool.release(pending.watermark());
  };
  const ctx: DeliveryContext = {
    logs: deps.logs,
    objects: deps.objects,
    delaysMs: options.retryDelaysMs,
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    onAttempt: (scope, channel, ok) => void metrics.add(scope, deps.clock.now(), [deliveryMetricPoint(channel, ok)]),
  };

  const writeBatch = async (batch: S3RecordBatch): Promise<void> => {
    if (!(await writeS3Batch(ctx, batch, ids.hex16()))) {
      deps.logError(`dropped ${batch.lines.length} invocation records for s3://${batch.destination.bucketName} after retries`, undefined);
    }
    for (const seq of batch.seqs) finish(seq);
  };

  const flushMetrics = async (): Promise<void> => {
    const seqs = metricSeqs;
    metricSeqs = [];
    try {
      await metrics.flush();
      for (const seq of seqs) finish(seq);
    } catch (error) {
      metricSeqs = seqs.concat(metricSeqs); // kept in the batcher; retried by the next flush
      deps.logError('writing AWS/Bedrock metrics failed', error);
    }
  };

  const deliver = async (items: readonly Queued[]): Promise<void> => {
    const cloudWatch = new Map<string, { scope: Scope; group: string; events: LogEventInput[]; seqs: number[] }>();
    const fullBatches: S3RecordBatch[] = [];
    for (const { seq, outcome } of items) {
      const scope = { accountId: outcome.caller.accountId, region: outcome.caller.region };
      metrics.add(scope, outcome.startedAt, runtimeMetricPoints(outcome));
      metricSeqs.push(seq);
      const config = await deps.configs.getLoggingConfig(scope);
      if (config === undefined) continue;
      const prepared = await prepareRecords(ctx, outcome, config, ids.uuid());
      if (prepared.cloudWatch !== undefined) {
        pending.extend(seq, 1);
        const key = `${scope.accountId}\u0000${scope.region}\u0000${prepared.cloudWatch.logGroupName}`;
        const entry = cloudWatch.get(key) ?? { scope, group: prepared.cloudWatch.logGroupName, events: [], seqs: [] };
        cloudWatch.set(key, entry);
        entry.events.push(prepared.cloudWatch.event);
        entry.seqs.push(seq);
      }
      if (prepared.s3 !== undefined) {
        pending.extend(seq, 1);
        const full = batches.add({ scope, destination: prepared.s3.destination, time: outcome.startedAt, line: prepared.s3.line, seq, now: deps.clock.now() });
        if (full !== undefined) fullBatches.push(full);
      }
    }
    // Each destination on its own: a failing group or bucket never holds up the other.
    await Promise.all([
      ...[...cloudWatch.values()].map(async (entry) => {
        if (!(await deliverToCloudWatch(ctx, entry.scope, entry.group, entry.events))) {
          deps.logError(`dropped ${entry.events.length} invocation records for log group ${entry.group} after retries`, undefined);
        }
        for (const seq of entry.seqs) finish(seq);
      }),
      ...fullBatches.map(writeBatch),
    ]);
    if (metrics.pendingPoints >= 5_000) await flushMetrics();
  };

  const drain = async (): Promise<void> => {
    while (queue.length > 0) {
      const items = queue.splice(0, DRAIN_BATCH);
      try {
        await deliver(items);
      } catch (error) {
        deps.logError('invocation log delivery failed', error);
      }
    }
    draining = undefined;
  };
  const kick = (): Promise<void> => (draining ??= new Promise<void>((resolve) => setImmediate(resolve)).then(drain));

  const enqueue = (seq: number, outcome: InvocationOutcome): void => {
    pending.add(seq, 1); // the metrics part; destinations are added once the configuration is read
    queue.push({ seq, outcome });
    void kick();
  };

  for (const entry of deps.spool.takeRecovered()) {
    try {
      enqueue(entry.seq, decodeOutcome(entry.line));
    } catch (error) {
      deps.logError(`skipping an unreadable delivery spool entry (seq ${entry.seq})`, error);
    }
  }

  const flushDue = async (): Promise<void> => {
    if (draining !== undefined) await draining; // batches opened by outcomes already queued count from now
    await Promise.all(batches.takeDue(deps.clock.now()).map(writeBatch));
    await flushMetrics();
  };
  const flush = async (): Promise<void> => {
    while (draining !== undefined || queue.length > 0) await kick();
    await Promise.all(batches.takeDue(deps.clock.now(), true).map(writeBatch));
    await flushMetrics();
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
      if (queue.length >= options.maxQueue) {
        dropped++;
        return deps.logError(`invocation log queue full (${options.maxQueue}); dropped ${outcome.requestId}`, undefined);
      }
      enqueue(deps.spool.append(encodeOutcome(outcome)), outcome);
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
