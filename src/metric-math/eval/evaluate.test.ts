import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InsightsQuery, MathDataSource, SearchQuery, TimeSeries } from '../index.js';
import { ARITHMETIC_ERROR_MESSAGE, MetricMathError, evaluateExpression, parseQueryExpression, printSearchQuery } from '../index.js';

const series = (label: string, values: (number | null)[], periodSeconds?: number): TimeSeries => {
  const points = values.flatMap((v, i) => (v === null ? [] : [[i * 60_000, v] as const]));
  const base = { label, timestamps: points.map(([t]) => t), values: points.map(([, v]) => v) };
  return periodSeconds === undefined ? base : { ...base, periodSeconds };
};

function source(calls: string[]): MathDataSource {
  const results = new Map<string, TimeSeries | TimeSeries[]>([
    ['m1', series('m1', [1, 0, 4], 60)],
    ['m2', series('m2', [2, 2, 2], 60)],
    ['e1', [series('a', [1]), series('b', [2])]],
  ]);
  return {
    metricIds: ['m1', 'm2'],
    series: (id) => results.get(id),
    search: async (query: SearchQuery, statistic: string, periodSeconds: number) => {
      calls.push(`search ${printSearchQuery(query)} ${statistic} ${periodSeconds}`);
      return [series('found', [7])];
    },
    insights: async (query: InsightsQuery, periodSeconds: number) => {
      calls.push(`insights ${query.metricName} ${periodSeconds}`);
      return [series('g1', [1]), series('g2', [2])];
    },
  };
}

const run = async (text: string, calls: string[] = [], periodSeconds = 300) =>
  evaluateExpression(parseQueryExpression(text), { periodSeconds, startTime: 0, endTime: 180_000, source: source(calls) });

test('SEARCH reads the store with its statistic and its period, or the query period when it has none', async () => {
  const calls: string[] = [];
  await run("SEARCH('{AWS/EC2,InstanceId} cpu', 'p99', 60)", calls);
  await run("SEARCH('cpu', 'Sum')", calls);
  assert.deepEqual(calls, ['search {AWS/EC2,InstanceId} cpu p99 60', 'search cpu Sum 300']);
});

test('a Metrics Insights query without GROUP BY is one series, with GROUP BY an array', async () => {
  const calls: string[] = [];
  const single = await run('SELECT SUM(Invocations) FROM "AWS/Bedrock"', calls, 60);
  assert.equal(single.value.kind, 'series');
  const grouped = await run('SELECT SUM(Invocations) FROM "AWS/Bedrock" GROUP BY ModelId', calls, 60);
  assert.deepEqual(grouped.value.kind === 'array' ? grouped.value.series.map((s) => s.label) : [], ['g1', 'g2']);
  assert.deepEqual(calls, ['insights Invocations 60', 'insights Invocations 60']);
});

test('array members keep their labels through arithmetic', async () => {
  const result = await run('e1 * 2');
  assert.deepEqual(result.value.kind === 'array' ? result.value.series.map((s) => [s.label, s.values]) : [], [['a', [2]], ['b', [4]]]);
});

test('dropped non-finite points add one ArithmeticError message with AWS text', async () => {
  const result = await run('m2 / m1 + LOG(m1 - m1)');
  assert.deepEqual(result.messages, [ARITHMETIC_ERROR_MESSAGE]);
  assert.equal(ARITHMETIC_ERROR_MESSAGE.value, 'One or more data-points have been dropped due to non-numeric values (NaN, -Infinite, +Infinite)');
  assert.deepEqual((await run('m1 + m2')).messages, []);
});

test('unsupported functions fail before reading any data', async () => {
  const calls: string[] = [];
  await assert.rejects(
    run("ANOMALY_DETECTION_BAND(SEARCH('cpu', 'Sum'))", calls),
    (error: unknown) => error instanceof MetricMathError && error.kind === 'unsupported' && error.position === 0,
  );
  assert.deepEqual(calls, []);
});

test('a scalar final result is refused', async () => {
  await assert.rejects(run('AVG(m1) + METRIC_COUNT(e1)'), /must return a time series or an array of time series/);
});

test('PERIOD reads the period of a metric', async () => {
  const result = await run('m1 * 0 + PERIOD(m1)');
  assert.deepEqual(result.value.kind === 'series' ? result.value.series.values : [], [60, 60, 60]);
});
