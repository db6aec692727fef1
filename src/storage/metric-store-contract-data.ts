import assert from 'node:assert/strict';
import { it } from 'node:test';
import { evaluateExtendedStatistic } from './metric-sketch-statistics.js';
import { MINUTE_MS, SCOPE, T0, datum, metric, periods, summaries, type MetricContractContext } from './metric-store-contract-support.js';

const HOUR = { start: T0, end: T0 + 60 * MINUTE_MS };

/** Identity, units, resolutions, statistic sets and period arithmetic. */
export function metricDataContract(ctx: MetricContractContext): void {
  it('identifies a metric by its exact, order-insensitive set of dimensions', async () => {
    const ab = metric('Latency', { a: '1', b: '2' });
    const ba = { ...ab, dimensions: [...ab.dimensions].reverse() };
    await ctx.store.putMetricData(SCOPE, [datum(ab, T0, 1), datum(ba, T0 + 1000, 2), datum(metric('Latency', { a: '1' }), T0, 100)]);
    for (const target of [ab, ba]) {
      assert.deepEqual(summaries(await periods(ctx.store, target, { ...HOUR, periodSeconds: 3600 })), [{ timestamp: T0, unit: 'None', sampleCount: 2, sum: 3, minimum: 1, maximum: 2 }]);
    }
    assert.equal((await periods(ctx.store, metric('Latency', { a: '1' }), { ...HOUR, periodSeconds: 3600 }))[0]?.sum, 100, 'a subset of dimensions is another metric');
    assert.deepEqual(await periods(ctx.store, metric('Latency'), { ...HOUR, periodSeconds: 3600 }), []);
  });

  it('aggregates each unit separately and filters by unit', async () => {
    const target = metric('Duration');
    await ctx.store.putMetricData(SCOPE, [datum(target, T0, 2, { unit: 'Seconds' }), datum(target, T0, 500, { unit: 'Milliseconds' }), datum(target, T0 + 5000, 4, { unit: 'Seconds' })]);
    const all = summaries(await periods(ctx.store, target, { ...HOUR, periodSeconds: 60 }));
    assert.deepEqual(all, [
      { timestamp: T0, unit: 'Milliseconds', sampleCount: 1, sum: 500, minimum: 500, maximum: 500 },
      { timestamp: T0, unit: 'Seconds', sampleCount: 2, sum: 6, minimum: 2, maximum: 4 },
    ]);
    assert.deepEqual(summaries(await periods(ctx.store, target, { ...HOUR, periodSeconds: 60, unit: 'Seconds' })), [all[1]]);
    assert.deepEqual(await periods(ctx.store, target, { ...HOUR, periodSeconds: 60, unit: 'Bytes' }), []);
  });

  it('keeps 1-second data per second and standard data per minute', async () => {
    const high = metric('High');
    const standard = metric('Standard');
    await ctx.store.putMetricData(SCOPE, [
      ...[1, 2, 3].map((second) => datum(high, T0 + second * 1000 + 250, second, { storageResolution: 1 })),
      datum(standard, T0 + 30_000, 7),
    ]);
    const bySecond = await periods(ctx.store, high, { ...HOUR, periodSeconds: 1 });
    assert.deepEqual(bySecond.map((period) => [period.timestamp, period.sum]), [[T0 + 1000, 1], [T0 + 2000, 2], [T0 + 3000, 3]]);
    assert.deepEqual(await periods(ctx.store, standard, { ...HOUR, periodSeconds: 1 }), [], 'standard data has no 1-second periods');
    assert.deepEqual(summaries(await periods(ctx.store, standard, { ...HOUR, periodSeconds: 60 })), [{ timestamp: T0, unit: 'None', sampleCount: 1, sum: 7, minimum: 7, maximum: 7 }]);
    assert.equal((await periods(ctx.store, high, { ...HOUR, periodSeconds: 60 }))[0]?.sampleCount, 3);
  });

  it('places periods at start + k * period over [start, end)', async () => {
    const target = metric('Edges');
    await ctx.store.putMetricData(SCOPE, [0, 4, 5, 9, 10].map((minute) => datum(target, T0 + minute * MINUTE_MS, minute)));
    const result = await periods(ctx.store, target, { start: T0 + 4 * MINUTE_MS, end: T0 + 10 * MINUTE_MS, periodSeconds: 300 });
    assert.deepEqual(result.map((period) => [period.timestamp, period.sampleCount, period.sum]), [[T0 + 4 * MINUTE_MS, 2, 9], [T0 + 9 * MINUTE_MS, 1, 9]]);
  });

  it('stores Values/Counts as a distribution and statistic sets exactly', async () => {
    const target = metric('Sets');
    await ctx.store.putMetricData(SCOPE, [
      datum(target, T0, { kind: 'values', values: [10, 20, 30], counts: [1, 2, 7] }),
      datum(target, T0 + MINUTE_MS, { kind: 'statistics', sampleCount: 4, sum: 20, minimum: 5, maximum: 5 }),
      datum(target, T0 + 2 * MINUTE_MS, { kind: 'statistics', sampleCount: 3, sum: 10, minimum: 1, maximum: 6 }),
    ]);
    const [values, uniform, mixed] = await periods(ctx.store, target, { ...HOUR, periodSeconds: 60 });
    assert.deepEqual(summaries([values!, uniform!, mixed!]).map((period) => [period.sampleCount, period.sum, period.minimum, period.maximum]), [[10, 260, 10, 30], [4, 20, 5, 5], [3, 10, 1, 6]]);
    assert.ok(values?.distribution !== undefined && uniform?.distribution !== undefined);
    assert.equal(Math.round(evaluateExtendedStatistic({ ...values, distribution: values.distribution }, { kind: 'percentile', percent: 20 }) ?? 0), 20);
    assert.equal(evaluateExtendedStatistic({ ...uniform, distribution: uniform.distribution }, { kind: 'percentile', percent: 99 }), 5);
    assert.equal(mixed?.distribution, undefined, 'a statistic set with Min != Max has no percentiles');
    const [whole] = await periods(ctx.store, target, { ...HOUR, periodSeconds: 3600 });
    assert.equal(whole?.sampleCount, 17);
    assert.equal(whole?.distribution, undefined, 'one sample without a distribution makes the period have none');
  });

  it('commits concurrent puts and rejects invalid data without failing the others', async () => {
    const target = metric('Concurrent');
    const puts = Array.from({ length: 20 }, (_, index) => ctx.store.putMetricData(SCOPE, [datum(target, T0 + index * 1000, index)]));
    const bad = assert.rejects(ctx.store.putMetricData(SCOPE, [datum(target, T0, Number.NaN)]), RangeError);
    await Promise.all([...puts, bad]);
    await assert.rejects(ctx.store.putMetricData(SCOPE, [datum(target, T0 + 0.5, 1)]), RangeError);
    await assert.rejects(ctx.store.putMetricData(SCOPE, [datum(metric('Bad', { d: 'a\u0000b' }), T0, 1)]), RangeError);
    const [period] = await periods(ctx.store, target, { ...HOUR, periodSeconds: 60 });
    assert.equal(period?.sampleCount, 20);
    assert.equal(period?.sum, 190);
  });
}
