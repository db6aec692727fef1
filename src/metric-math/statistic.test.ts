import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_SEARCH_EXPRESSION_LENGTH, MetricMathError, isInsightsQuery, isValidPeriod, isValidStatistic, parseSearchQuery } from './index.js';

test('statistics AWS accepts', () => {
  for (const s of ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum', 'p99', 'p99.9', 'p0', 'p100', 'tm90', 'wm99', 'tc90', 'ts90', 'IQM']) {
    assert.ok(isValidStatistic(s), s);
  }
  for (const s of ['TM(10%:90%)', 'TM(:95%)', 'TM(150:1000)', 'PR(10:)', 'TC(5%:95%)', 'WM(:99%)']) assert.ok(isValidStatistic(s), s);
});

test('statistics AWS refuses', () => {
  for (const s of ['average', 'Avg', 'Median', 'p101', 'P99', 'tm', 'TM()', 'TM(10%)', '']) assert.ok(!isValidStatistic(s), s);
});

test('periods: 1, 5, 10, 20, 30 or a multiple of 60', () => {
  for (const p of [1, 5, 10, 20, 30, 60, 300, 3600, 86400]) assert.ok(isValidPeriod(p), String(p));
  for (const p of [0, -60, 2, 45, 90, 61, 1.5]) assert.ok(!isValidPeriod(p), String(p));
});

test('a search expression is at most 1024 characters', () => {
  const longest = `cpu ${'x'.repeat(MAX_SEARCH_EXPRESSION_LENGTH - 4)}`;
  assert.equal(parseSearchQuery(longest).term?.kind, 'and');
  assert.throws(
    () => parseSearchQuery(`${longest}y`, 8),
    (error: unknown) => error instanceof MetricMathError && error.position === 8 && /1025 characters long; the maximum is 1024/.test(error.message),
  );
});

test('an Expression starting with SELECT (any case) is a Metrics Insights query', () => {
  assert.ok(isInsightsQuery('  select AVG(x) FROM y'));
  assert.ok(!isInsightsQuery('SELECTED + m1'));
  assert.ok(!isInsightsQuery('m1 + 1'));
});
