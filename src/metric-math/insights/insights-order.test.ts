import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InsightsGroup } from '../index.js';
import { orderInsightsGroups, parseInsightsQuery, seriesStatistic } from '../index.js';

const group = (key: string[], values: number[]): InsightsGroup => ({
  key,
  series: { label: key.join(' '), timestamps: values.map((_, i) => i * 60_000), values },
});
const labels = (groups: InsightsGroup[]): string[] => groups.map((g) => g.series.label);
const groups = [group(['b', 'y'], [5, 1]), group(['a', 'z'], [2]), group(['a', 'y'], []), group(['c', 'x'], [9, 9, 9])];

test('without ORDER BY, groups come in alphabetical order of their GROUP BY values', () => {
  const query = parseInsightsQuery('SELECT SUM(m) FROM ns GROUP BY k1, k2');
  assert.deepEqual(labels(orderInsightsGroups(query, groups)), ['a y', 'a z', 'b y', 'c x']);
});

test('ORDER BY FUNC() sorts by that function of each series; series without points go last', () => {
  const desc = parseInsightsQuery('SELECT SUM(m) FROM ns GROUP BY k1, k2 ORDER BY MAX() DESC');
  assert.deepEqual(labels(orderInsightsGroups(desc, groups)), ['c x', 'b y', 'a z', 'a y']);
  const asc = parseInsightsQuery('SELECT SUM(m) FROM ns GROUP BY k1, k2 ORDER BY COUNT()');
  assert.deepEqual(labels(orderInsightsGroups(asc, groups)), ['a z', 'b y', 'c x', 'a y']);
});

test('LIMIT keeps the first n; at most 500 without LIMIT', () => {
  const top = parseInsightsQuery('SELECT SUM(m) FROM ns GROUP BY k1 ORDER BY SUM() DESC LIMIT 2');
  assert.deepEqual(labels(orderInsightsGroups(top, groups)), ['c x', 'b y']);
  const many = Array.from({ length: 600 }, (_, i) => group([String(i).padStart(3, '0')], [i]));
  const all = orderInsightsGroups(parseInsightsQuery('SELECT SUM(m) FROM ns GROUP BY k1'), many);
  assert.equal(all.length, 500);
  assert.equal(all[499]?.series.label, '499');
});

test('seriesStatistic', () => {
  assert.equal(seriesStatistic('AVG', [1, 2, 6]), 3);
  assert.equal(seriesStatistic('COUNT', [1, 2, 6]), 3);
  assert.equal(seriesStatistic('SUM', [1, 2, 6]), 9);
  assert.equal(seriesStatistic('MIN', [1, 2, 6]), 1);
  assert.equal(seriesStatistic('MAX', [1, 2, 6]), 6);
  assert.equal(seriesStatistic('MAX', []), undefined);
});
