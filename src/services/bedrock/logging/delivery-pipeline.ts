import type { Scope } from '../../../storage/index.js';
import type { InvocationOutcome } from '../invocation-outcome.js';
import type { InvocationLoggerDeps, InvocationLoggerOptions } from './invocation-logger-deps.js';
import { deliverToCloudWatch, prepareRecords, writeS3Batch, type DeliveryContext } from './log-deliveries.js';
import type { LogEventInput } from './log-destinations.js';
import { MetricBatcher } from './metric-batcher.js';
import { PendingWork } from './pending-work.js';
import { deliveryMetricPoint, runtimeMetricPoints } from './runtime-metrics.js';
import { S3RecordBatches, type S3RecordBatch } from './s3-record-batches.js';

export interface Queued {
  readonly seq: number;
  readonly outcome: InvocationOutcome;
}

/**
 * What happens to spooled outcomes: metrics into the batcher, records to each configured destination, and the
 * bookkeeping that releases a spool entry once all of its parts (metrics written, each destination delivered or
 * given up on) are finished.
 */
export class DeliveryPipeline {
  private readonly metrics: MetricBatcher;
  private readonly pending = new PendingWork();
  private readonly batches: S3RecordBatches;
  private readonly ctx: DeliveryContext;
  private metricSeqs: number[] = [];

  constructor(
    private readonly deps: InvocationLoggerDeps,
    options: InvocationLoggerOptions,
    private readonly ids: { uuid(): string; hex16(): string },
  ) {
    this.metrics = new MetricBatcher(deps.metrics);
    this.batches = new S3RecordBatches({ maxBytes: options.s3BatchMaxBytes, maxAgeMs: options.s3BatchMaxAgeMs });
    this.ctx = {
      logs: deps.logs,
      objects: deps.objects,
      delaysMs: options.retryDelaysMs,
      sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      onAttempt: (scope, channel, ok) => void this.metrics.add(scope, deps.clock.now(), [deliveryMetricPoint(channel, ok)]),
    };
  }

  /** Registers a spooled outcome before it is delivered (its metrics part; destinations are added later). */
  track(seq: number): void {
    this.pending.add(seq, 1);
  }

  async deliver(items: readonly Queued[]): Promise<void> {
    const cloudWatch = new Map<string, { scope: Scope; group: string; events: LogEventInput[]; seqs: number[] }>();
    const fullBatches: S3RecordBatch[] = [];
    for (const { seq, outcome } of items) {
      const scope = { accountId: outcome.caller.accountId, region: outcome.caller.region };
      this.metrics.add(scope, outcome.startedAt, runtimeMetricPoints(outcome));
      this.metricSeqs.push(seq);
      const config = await this.deps.configs.getLoggingConfig(scope);
      if (config === undefined) continue;
      const prepared = await prepareRecords(this.ctx, outcome, config, this.ids.uuid());
      if (prepared.cloudWatch !== undefined) {
        this.pending.extend(seq, 1);
        const key = `${scope.accountId}\u0000${scope.region}\u0000${prepared.cloudWatch.logGroupName}`;
        const entry = cloudWatch.get(key) ?? { scope, group: prepared.cloudWatch.logGroupName, events: [], seqs: [] };
        cloudWatch.set(key, entry);
        entry.events.push(prepared.cloudWatch.event);
        entry.seqs.push(seq);
      }
      if (prepared.s3 !== undefined) {
        this.pending.extend(seq, 1);
        const full = this.batches.add({ scope, destination: prepared.s3.destination, time: outcome.startedAt, line: prepared.s3.line, seq, now: this.deps.clock.now() });
        if (full !== undefined) fullBatches.push(full);
      }
    }
    // Each destination on its own: a failing group or bucket never holds up the other.
    await Promise.all([...[...cloudWatch.values()].map((entry) => this.sendToCloudWatch(entry)), ...fullBatches.map((batch) => this.writeBatch(batch))]);
    if (this.metrics.pendingPoints >= 5_000) await this.flushMetrics();
  }

  /** Writes S3 batches past their age (every batch when `all`), then the metrics collected so far. */
  async flushDue(all: boolean): Promise<void> {
    await Promise.all(this.batches.takeDue(this.deps.clock.now(), all).map((batch) => this.writeBatch(batch)));
    await this.flushMetrics();
  }

  private async sendToCloudWatch(entry: { scope: Scope; group: string; events: LogEventInput[]; seqs: number[] }): Promise<void> {
    if (!(await deliverToCloudWatch(this.ctx, entry.scope, entry.group, entry.events))) {
      this.deps.logError(`dropped ${entry.events.length} invocation records for log group ${entry.group} after retries`, undefined);
    }
    for (const seq of entry.seqs) this.finish(seq);
  }

  private async writeBatch(batch: S3RecordBatch): Promise<void> {
    if (!(await writeS3Batch(this.ctx, batch, this.ids.hex16()))) {
      this.deps.logError(`dropped ${batch.lines.length} invocation records for s3://${batch.destination.bucketName} after retries`, undefined);
    }
    for (const seq of batch.seqs) this.finish(seq);
  }

  private async flushMetrics(): Promise<void> {
    const seqs = this.metricSeqs;
    this.metricSeqs = [];
    try {
      await this.metrics.flush();
      for (const seq of seqs) this.finish(seq);
    } catch (error) {
      if (error instanceof RangeError) for (const seq of seqs) this.finish(seq); // refused as invalid: dropped
      else this.metricSeqs = seqs.concat(this.metricSeqs); // still in the batcher; the next flush retries them
      this.deps.logError('writing AWS/Bedrock metrics failed', error);
    }
  }

  private finish(seq: number): void {
    this.pending.done(seq);
    this.deps.spool.release(this.pending.watermark());
  }
}
