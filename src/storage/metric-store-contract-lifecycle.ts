import assert from 'node:assert/strict';
import { it } from 'node:test';
import { exactExtendedStatistic } from './metric-sketch-reference.js';
import { evaluateExtendedStatistic } from './metric-sketch-statistics.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, SCOPE, T0, datum, latencies, metric, periods, summaries, type MetricContractContext } from './metric-store-contract-support.js';
import type { MetricPeriodAggregate } from './metric-store.js';

const P50 = { kind: 'percentile', percent: 50 } as const;

function p50(period: MetricPeriodAggregate | undefined): number | undefined {
  return period?.distribution === undefined ? undefined : evaluateExtendedStatistic({ ...period, distribution: period.distribution }, P50);
}

/** Roll-up to coarser resolutions as data ages, expiry after 455 days, and surviving a restart. */
export function metricLifecycleContract(ctx: MetricContractContext): void {
  it('rolls 1-second data into minutes after 3 hours, keeping exact sums and percentiles', async () => {
    const target = metric('Fast');
    const values = latencies(120, 9);
    await ctx.store.putMetricData(SCOPE, values.map((value, index) => datum(target, T0 + (index % 60) * 1000, value, { storageResolution: 1 })));
    const window = { start: T0, end: T0 + HOUR_MS };
    assert.equal((await periods(ctx.store, target, { ...window, periodSeconds: 1 })).length, 60);
    const before = await periods(ctx.store, target, { ...window, periodSeconds: 60 });
    assert.equal((await ctx.store.rollUp(T0 + 3 * HOUR_MS - MINUTE_MS)).rows, 0, 'nothing is 3 hours old yet');
    assert.ok((await ctx.store.rollUp(T0 + 3 * HOUR_MS + MINUTE_MS)).rows > 0);
    assert.deepEqual(await periods(ctx.store, target, { ...window, periodSeconds: 1 }), [], '1-second periods are gone');
    const after = await periods(ctx.store, target, { ...window, periodSeconds: 60 });
    assert.deepEqual(summaries(after), summaries(before));
    const exact = exactExtendedStatistic(values, P50) as number;
    assert.ok(Math.abs((p50(after[0]) as number) - exact) <= exact * 0.01);
    assert.equal((await ctx.store.rollUp(T0 + 3 * HOUR_MS + MINUTE_MS)).rows, 0, 'rolling up twice changes nothing');
  });

  it('rolls minutes into 5 minutes after 15 days and into hours after 63 days, then expires after 455 days', async () => {
    const target = metric('Slow');
    const mixed = metric('Mixed');
    await ctx.store.putMetricData(SCOPE, [
      ...[0, 1, 2, 7].map((minute) => datum(target, T0 + minute * MINUTE_MS, minute + 1)),
      datum(mixed, T0, { kind: 'statistics', sampleCount: 2, sum: 3, minimum: 1, maximum: 2 }),
    ]);
    const window = { start: T0, end: T0 + HOUR_MS };
    await ctx.store.rollUp(T0 + 15 * DAY_MS + 10 * MINUTE_MS);
    assert.deepEqual(await periods(ctx.store, target, { ...window, periodSeconds: 60 }), []);
    const fiveMinutes = await periods(ctx.store, target, { ...window, periodSeconds: 300 });
    assert.deepEqual(fiveMinutes.map((period) => [period.timestamp, period.sampleCount, period.sum, period.minimum, period.maximum]), [[T0, 3, 6, 1, 3], [T0 + 5 * MINUTE_MS, 1, 8, 8, 8]]);
    assert.ok(Math.abs((p50(fiveMinutes[0]) as number) - 2) <= 0.02);
    await ctx.store.rollUp(T0 + 63 * DAY_MS + 2 * HOUR_MS);
    assert.deepEqual(await periods(ctx.store, target, { ...window, periodSeconds: 300 }), []);
    const [hour] = await periods(ctx.store, target, { ...window, periodSeconds: 3600 });
    assert.deepEqual([hour?.sampleCount, hour?.sum, hour?.minimum, hour?.maximum], [4, 14, 1, 8]);
    assert.ok(Math.abs((p50(hour) as number) - 2) <= 0.02);
    const [mixedHour] = await periods(ctx.store, mixed, { ...window, periodSeconds: 3600 });
    assert.equal(mixedHour?.sampleCount, 2);
    assert.equal(mixedHour?.distribution, undefined, 'roll-up does not invent a distribution');
    assert.equal((await ctx.store.purgeExpired(T0 + 454 * DAY_MS)).rows, 0);
    assert.ok((await ctx.store.purgeExpired(T0 + 456 * DAY_MS)).rows > 0);
    assert.deepEqual(await periods(ctx.store, target, { ...window, periodSeconds: 3600 }), []);
    assert.deepEqual((await ctx.store.listMetrics(SCOPE, { activeSince: Number.NEGATIVE_INFINITY, limit: 10 })).metrics, []);
  });

  it('keeps acknowledged and pending data across close and reopen', async (t) => {
    if (ctx.reopen === undefined) {
      t.skip('the adapter cannot reopen its data');
      return;
    }
    const target = metric('Durable', { d: '1' });
    await ctx.store.putMetricData(SCOPE, [datum(target, T0, { kind: 'values', values: [1, 2, 3], counts: [1, 1, 2] }, { unit: 'Count' })]);
    const pending = Array.from({ length: 5 }, (_, index) => ctx.store.putMetricData(SCOPE, [datum(target, T0 + index * 1000, 10, { unit: 'Count' })]));
    await ctx.reopen();
    await Promise.all(pending);
    await ctx.store.putMetricData(SCOPE, [datum(metric('New'), T0, 1)]);
    const [period] = await periods(ctx.store, target, { start: T0, end: T0 + HOUR_MS, periodSeconds: 60 });
    assert.deepEqual([period?.unit, period?.sampleCount, period?.sum, period?.minimum, period?.maximum], ['Count', 9, 59, 1, 10]);
    assert.ok(Math.abs((p50(period) as number) - 10) <= 0.1);
    const listed = await ctx.store.listMetrics(SCOPE, { activeSince: T0, limit: 10 });
    assert.deepEqual(listed.metrics.map((m) => m.metricName), ['Durable', 'New']);
  });
}
