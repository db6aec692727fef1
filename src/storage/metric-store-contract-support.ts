import assert from 'node:assert/strict';
import type { MetricDimension, MetricIdentity, MetricPeriodAggregate, MetricSample, MetricStore, NewMetricDatum } from './metric-store.js';
import type { Scope } from './scope.js';
import type { Storage } from './storage.js';
import { seededRandom } from '../kernel/index.js';

/** Shared pieces of the MetricStore contract suite (see metric-store-contract.ts). */

export interface MetricContractContext {
  readonly store: MetricStore;
  readonly storage: Storage;
  /** Closes the storage and opens it again over the same data; undefined when the adapter cannot. */
  readonly reopen: (() => Promise<void>) | undefined;
}

export const SCOPE: Scope = { accountId: '111111111111', region: 'us-east-1' };
export const OTHER_ACCOUNT: Scope = { accountId: '222222222222', region: 'us-east-1' };
export const OTHER_REGION: Scope = { accountId: '111111111111', region: 'eu-west-1' };

/** 2023-11-14T21:00:00Z: on an hour boundary, so every period below starts on one. */
export const T0 = 1_699_995_600_000;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export function metric(metricName: string, dimensions: Record<string, string> = {}, namespace = 'App'): MetricIdentity {
  return { namespace, metricName, dimensions: Object.entries(dimensions).map(([name, value]): MetricDimension => ({ name, value })) };
}

export interface DatumOptions {
  readonly unit?: string;
  readonly storageResolution?: 1 | 60;
}

export function datum(target: MetricIdentity, timestamp: number, sample: number | MetricSample, options: DatumOptions = {}): NewMetricDatum {
  return {
    metric: target,
    timestamp,
    unit: options.unit ?? 'None',
    storageResolution: options.storageResolution ?? 60,
    sample: typeof sample === 'number' ? { kind: 'value', value: sample } : sample,
  };
}

/** One metric over [start, end) in periods of `periodSeconds`, with distributions. */
export async function periods(store: MetricStore, target: MetricIdentity, range: { start: number; end: number; periodSeconds: number; unit?: string; scope?: Scope }): Promise<MetricPeriodAggregate[]> {
  const { scope = SCOPE, unit, ...window } = range;
  const [result] = await store.aggregate(scope, { metrics: [{ metric: target, ...(unit === undefined ? {} : { unit }) }], ...window, withDistribution: true });
  assert.ok(result !== undefined, 'one result per selector');
  return result;
}

/** The summary fields only, for deepEqual. */
export function summaries(aggregates: readonly MetricPeriodAggregate[]): { timestamp: number; unit: string; sampleCount: number; sum: number; minimum: number; maximum: number }[] {
  return aggregates.map(({ timestamp, unit, sampleCount, sum, minimum, maximum }) => ({ timestamp, unit, sampleCount, sum, minimum, maximum }));
}


/** Latency-like values: log-normal around 200 with a long tail, rounded to 0.1 ms. */
export function latencies(count: number, seed: number): number[] {
  const next = seededRandom(seed);
  return Array.from({ length: count }, () => Math.round(2000 * Math.exp(Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()))) / 10);
}

