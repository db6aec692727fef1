import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exactExtendedStatistic } from './metric-sketch-reference.js';
import { evaluateExtendedStatistic, type ExtendedStatistic } from './metric-sketch-statistics.js';
import { MetricSketch, SKETCH_RELATIVE_ACCURACY, sketchKey, sketchKeyValue } from './metric-sketch.js';
import { seededRandom } from '../kernel/index.js';


/** Latency-like values: log-normal around 200 with a long tail. */
function logNormal(count: number, seed: number): number[] {
  const next = seededRandom(seed);
  return Array.from({ length: count }, () => 200 * Math.exp(Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next())));
}

function summarise(values: readonly number[]) {
  const distribution = new MetricSketch();
  for (const value of values) distribution.addValue(value);
  return { sampleCount: values.length, sum: values.reduce((a, b) => a + b, 0), minimum: Math.min(...values), maximum: Math.max(...values), distribution };
}

const STATISTICS: Record<string, ExtendedStatistic> = {
  p0: { kind: 'percentile', percent: 0 },
  p50: { kind: 'percentile', percent: 50 },
  p90: { kind: 'percentile', percent: 90 },
  'p99.9': { kind: 'percentile', percent: 99.9 },
  p100: { kind: 'percentile', percent: 100 },
  tm90: { kind: 'trimmedMean', upper: { percent: 90 } },
  IQM: { kind: 'trimmedMean', lower: { percent: 25 }, upper: { percent: 75 } },
  'TM(150:1000)': { kind: 'trimmedMean', lower: { value: 150 }, upper: { value: 1000 } },
  tc90: { kind: 'trimmedCount', upper: { percent: 90 } },
  'TC(100:)': { kind: 'trimmedCount', lower: { value: 100 } },
  ts99: { kind: 'trimmedSum', upper: { percent: 99 } },
  'TS(5%:95%)': { kind: 'trimmedSum', lower: { percent: 5 }, upper: { percent: 95 } },
  wm95: { kind: 'winsorizedMean', upper: { percent: 95 } },
  'WM(10%:90%)': { kind: 'winsorizedMean', lower: { percent: 10 }, upper: { percent: 90 } },
  'PR(100:300)': { kind: 'percentRank', lower: { value: 100 }, upper: { value: 300 } },
  'PR(:500)': { kind: 'percentRank', upper: { value: 500 } },
};

function assertClose(actual: number | undefined, expected: number | undefined, label: string, tolerance = 0.01): void {
  assert.ok(actual !== undefined && expected !== undefined, `${label}: ${actual} vs ${expected}`);
  const error = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-12);
  assert.ok(error <= tolerance, `${label}: ${actual} is ${(error * 100).toFixed(3)}% from ${expected}`);
}

describe('metric sketch', () => {
  it('keys order like their values and read back within the relative accuracy', () => {
    const values = [-1e300, -2.5, -1e-9, 0, 1e-300, 5e-324, 0.001, 1, 1.0049, 42, 2 ** 360, Number.MAX_VALUE];
    const keys = values.map(sketchKey);
    for (let index = 1; index < values.length; index++) {
      if ((values[index - 1] as number) < (values[index] as number)) assert.ok((keys[index - 1] as number) <= (keys[index] as number));
    }
    for (const value of values) {
      const back = sketchKeyValue(sketchKey(value));
      assert.ok(Math.abs(back - value) <= Math.abs(value) * SKETCH_RELATIVE_ACCURACY * 1.0001, `${value} -> ${back}`);
    }
  });

  it('evaluates every extended statistic within 1% of the exact value', () => {
    const values = logNormal(20_000, 7);
    const period = summarise(values);
    for (const [name, statistic] of Object.entries(STATISTICS)) {
      assertClose(evaluateExtendedStatistic(period, statistic), exactExtendedStatistic(values, statistic), name);
    }
  });

  it('merges sketches of parts into the sketch of the whole', () => {
    const values = logNormal(6_000, 11);
    const whole = summarise(values).distribution;
    const merged = new MetricSketch();
    for (let start = 0; start < values.length; start += 60) merged.merge(summarise(values.slice(start, start + 60)).distribution);
    assert.deepEqual(merged.buckets(), whole.buckets());
  });

  it('handles zero and negative values', () => {
    const next = seededRandom(3);
    const values = Array.from({ length: 5_000 }, (_, index) => (index % 10 === 0 ? 0 : (next() - 0.4) * 1000));
    const period = summarise(values);
    for (const percent of [1, 10, 25, 50, 75, 99]) {
      const statistic: ExtendedStatistic = { kind: 'percentile', percent };
      const exact = exactExtendedStatistic(values, statistic) as number;
      const estimate = evaluateExtendedStatistic(period, statistic) as number;
      assert.ok(Math.abs(estimate - exact) <= Math.abs(exact) * 0.01 + 1e-9, `p${percent}: ${estimate} vs ${exact}`);
    }
    assert.equal(evaluateExtendedStatistic(period, { kind: 'trimmedCount', lower: { value: 0 }, upper: { value: 0 } }), 0);
  });
});
