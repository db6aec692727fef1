import assert from 'node:assert/strict';
import { it } from 'node:test';
import { exactExtendedStatistic } from './metric-sketch-reference.js';
import { evaluateExtendedStatistic, type ExtendedStatistic } from './metric-sketch-statistics.js';
import { MINUTE_MS, SCOPE, T0, datum, latencies, metric, periods, type MetricContractContext } from './metric-store-contract-support.js';
import type { MetricPeriodAggregate, NewMetricDatum } from './metric-store.js';

const STATISTICS: Record<string, ExtendedStatistic> = {
  p10: { kind: 'percentile', percent: 10 },
  p50: { kind: 'percentile', percent: 50 },
  p99: { kind: 'percentile', percent: 99 },
  'p99.9': { kind: 'percentile', percent: 99.9 },
  tm99: { kind: 'trimmedMean', upper: { percent: 99 } },
  IQM: { kind: 'trimmedMean', lower: { percent: 25 }, upper: { percent: 75 } },
  'TM(100:500)': { kind: 'trimmedMean', lower: { value: 100 }, upper: { value: 500 } },
  tc90: { kind: 'trimmedCount', upper: { percent: 90 } },
  ts95: { kind: 'trimmedSum', upper: { percent: 95 } },
  wm90: { kind: 'winsorizedMean', upper: { percent: 90 } },
  'PR(100:300)': { kind: 'percentRank', lower: { value: 100 }, upper: { value: 300 } },
};

function assertWithinOnePercent(period: MetricPeriodAggregate | undefined, values: readonly number[], label: string): void {
  assert.ok(period?.distribution !== undefined, `${label}: the period has a distribution`);
  assert.equal(period.sampleCount, values.length);
  for (const [name, statistic] of Object.entries(STATISTICS)) {
    const estimate = evaluateExtendedStatistic({ ...period, distribution: period.distribution }, statistic);
    const exact = exactExtendedStatistic(values, statistic);
    assert.ok(estimate !== undefined && exact !== undefined, `${label} ${name}`);
    const error = Math.abs(estimate - exact) / Math.abs(exact);
    assert.ok(error <= 0.01, `${label} ${name}: ${estimate} is ${(error * 100).toFixed(2)}% from ${exact}`);
  }
}

/** Percentiles and trimmed statistics of any period, from merged distributions, against exact values. */
export function metricStatisticsContract(ctx: MetricContractContext): void {
  it('computes extended statistics of any period within 1% of the exact values', async () => {
    const target = metric('Latency', { Model: 'm' });
    const values = latencies(12_000, 5);
    // Ten minutes of 1-second data: single values, and Values/Counts histograms of 20 values each.
    const data: NewMetricDatum[] = [];
    values.forEach((value, index) => {
      const timestamp = T0 + Math.floor((index / values.length) * 600) * 1000;
      if (index % 40 < 20) data.push(datum(target, timestamp, value, { storageResolution: 1, unit: 'Milliseconds' }));
      else if (index % 20 === 0) {
        const slice = values.slice(index, index + 20);
        data.push(datum(target, timestamp, { kind: 'values', values: slice, counts: slice.map(() => 1) }, { storageResolution: 1, unit: 'Milliseconds' }));
      }
    });
    for (let start = 0; start < data.length; start += 1000) await ctx.store.putMetricData(SCOPE, data.slice(start, start + 1000));
    const window = { start: T0, end: T0 + 10 * MINUTE_MS };
    assertWithinOnePercent((await periods(ctx.store, target, { ...window, periodSeconds: 600 }))[0], values, 'whole range');
    const byMinute = await periods(ctx.store, target, { ...window, periodSeconds: 60 });
    assert.equal(byMinute.length, 10);
    byMinute.forEach((period, minute) => assertWithinOnePercent(period, values.slice(minute * 1200, (minute + 1) * 1200), `minute ${minute}`));
  });
}
