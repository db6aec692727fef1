import type { MetricStore, NewMetricDatum, Scope } from '../../../storage/index.js';
import { BEDROCK_NAMESPACE, type BedrockMetricPoint } from './runtime-metrics.js';

const MINUTE_MS = 60_000;

/**
 * Collects `AWS/Bedrock` points off the request path and writes them in one `putMetricData` per scope. Points of
 * one metric in one minute become one datum with a value histogram (Values/Counts), which is exactly what AWS
 * stores for them, so thousands of invocations a second cost a handful of rows and percentiles stay exact.
 */
export class MetricBatcher {
  private pending = new Map<string, { scope: Scope; point: BedrockMetricPoint; minute: number; histogram: Map<number, number> }>();
  private size = 0;

  constructor(private readonly store: Pick<MetricStore, 'putMetricData'>, private readonly maxPoints = 5_000) {}

  /** Adds points observed at `time`; returns true when the batch is due (the caller then flushes). */
  add(scope: Scope, time: number, points: readonly BedrockMetricPoint[]): boolean {
    const minute = Math.floor(time / MINUTE_MS) * MINUTE_MS;
    for (const point of points) {
      const key = `${scope.accountId}\u0000${scope.region}\u0000${point.metricName}\u0000${point.modelId ?? ''}\u0000${point.unit}\u0000${minute}`;
      let entry = this.pending.get(key);
      if (entry === undefined) {
        entry = { scope, point, minute, histogram: new Map() };
        this.pending.set(key, entry);
      }
      entry.histogram.set(point.value, (entry.histogram.get(point.value) ?? 0) + 1);
      this.size++;
    }
    return this.size >= this.maxPoints;
  }

  get pendingPoints(): number {
    return this.size;
  }

  /**
   * Writes everything collected so far. When the store fails the data is put back for the next flush; when it
   * refuses the data as invalid (RangeError) retrying cannot help, so that scope's data is dropped and the error
   * rethrown for the log.
   */
  async flush(): Promise<void> {
    if (this.size === 0) return;
    const batch = this.pending;
    const size = this.size;
    this.pending = new Map();
    this.size = 0;
    const byScope = new Map<string, { scope: Scope; data: NewMetricDatum[] }>();
    for (const entry of batch.values()) {
      const scopeKey = `${entry.scope.accountId}/${entry.scope.region}`;
      const group = byScope.get(scopeKey) ?? { scope: entry.scope, data: [] };
      byScope.set(scopeKey, group);
      group.data.push({
        metric: {
          namespace: BEDROCK_NAMESPACE,
          metricName: entry.point.metricName,
          dimensions: entry.point.modelId === undefined ? [] : [{ name: 'ModelId', value: entry.point.modelId }],
        },
        timestamp: entry.minute,
        unit: entry.point.unit,
        storageResolution: 60,
        sample: { kind: 'values', values: [...entry.histogram.keys()], counts: [...entry.histogram.values()] },
      });
    }
    try {
      for (const [key, group] of byScope) {
        await this.store.putMetricData(group.scope, group.data);
        byScope.delete(key);
      }
    } catch (error) {
      if (!(error instanceof RangeError)) this.restore(batch, byScope, size);
      throw error;
    }
  }

  private restore(batch: typeof this.pending, unwritten: Map<string, unknown>, size: number): void {
    for (const [key, entry] of batch) {
      if (!unwritten.has(`${entry.scope.accountId}/${entry.scope.region}`)) continue;
      const current = this.pending.get(key);
      if (current === undefined) this.pending.set(key, entry);
      else for (const [value, count] of entry.histogram) current.histogram.set(value, (current.histogram.get(value) ?? 0) + count);
    }
    this.size += size; // approximate: only used to decide when to flush
  }
}
