import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  MetricMathError,
  insightsGroupKey,
  matchesInsightsQuery,
  matchesSearch,
  parseInsightsQuery,
  parseSearchQuery,
  printInsightsQuery,
  printSearchQuery,
} from './index.js';
import type { GoldenCase } from './testdata/golden-cases.js';
import { entry, parseGoldenCases, parseMetricLine } from './testdata/golden-cases.js';

const folder = new URL('./testdata/', import.meta.url);

/**
 * Golden files `search-*.txt` and `insights-*.txt`: text -> canonical print (round trip) -> which metrics match.
 * `group: <metric> => <values>` checks the GROUP BY key of a metric (values separated by ` / `).
 */
for (const file of readdirSync(folder).filter((f) => /^(search|insights)-.*\.txt$/.test(f)).sort()) {
  describe(`golden ${file}`, () => {
    for (const c of parseGoldenCases(file, readFileSync(new URL(file, folder), 'utf8'))) {
      test(`${file}:${c.line} ${c.text}`, () => (c.header === 'search' ? runSearch(c) : runInsights(c)));
    }
  });
}

function expectError(c: GoldenCase, run: () => unknown): boolean {
  const expected = entry(c, 'error');
  if (expected === undefined) return false;
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof MetricMathError, `expected MetricMathError, got ${String(error)}`);
    assert.ok(error.message.includes(expected), `message '${error.message}' lacks '${expected}'`);
    const at = entry(c, 'at');
    if (at !== undefined) assert.equal(error.position, Number(at), `position of '${error.message}'`);
    return true;
  });
  return true;
}

function runSearch(c: GoldenCase): void {
  if (expectError(c, () => parseSearchQuery(c.text))) return;
  const query = parseSearchQuery(c.text);
  const printed = printSearchQuery(query);
  assert.equal(printed, entry(c, 'print') ?? printed);
  assert.deepEqual(parseSearchQuery(printed), query, `round trip through '${printed}'`);
  for (const line of c.plus) assert.ok(matchesSearch(query, parseMetricLine(line)), `should match: ${line}`);
  for (const line of c.minus) assert.ok(!matchesSearch(query, parseMetricLine(line)), `should not match: ${line}`);
}

function runInsights(c: GoldenCase): void {
  if (expectError(c, () => parseInsightsQuery(c.text))) return;
  const query = parseInsightsQuery(c.text);
  const printed = printInsightsQuery(query);
  assert.equal(printed, entry(c, 'print') ?? printed);
  assert.deepEqual(parseInsightsQuery(printed), query, `round trip through '${printed}'`);
  for (const line of c.plus) assert.ok(matchesInsightsQuery(query, parseMetricLine(line)), `should match: ${line}`);
  for (const line of c.minus) assert.ok(!matchesInsightsQuery(query, parseMetricLine(line)), `should not match: ${line}`);
  for (const [key, value] of c.entries.filter(([k]) => k === 'group')) {
    const [metric = '', values = ''] = value.split(' => ');
    assert.deepEqual(insightsGroupKey(query, parseMetricLine(metric).dimensions), values.split(' / '), `group of ${metric}`);
    assert.equal(key, 'group');
  }
}
