import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { EvaluationResult, ParsedQueryExpression, TimeSeries } from './index.js';
import { MetricMathError, evaluateExpression, parseQueryExpression, printInsightsQuery, printMathExpression } from './index.js';
import type { GoldenCase } from './testdata/golden-cases.js';
import { entry, isMetricKey, parseGoldenCases } from './testdata/golden-cases.js';
import { fixtureSource } from './testdata/fixture-source.js';

const folder = new URL('./testdata/', import.meta.url);

/** Golden files `math-*.txt`: expression -> canonical print -> evaluation on small fixed series -> expected output. */
for (const file of readdirSync(folder).filter((f) => /^math-.*\.txt$/.test(f)).sort()) {
  describe(`golden ${file}`, () => {
    for (const c of parseGoldenCases(file, readFileSync(new URL(file, folder), 'utf8'))) {
      test(`${file}:${c.line} ${c.text}`, async () => runCase(c));
    }
  });
}

async function runCase(c: GoldenCase): Promise<void> {
  const period = Number(entry(c, 'period') ?? 60);
  const start = Date.parse(entry(c, 'start') ?? '1970-01-01T00:00:00Z');
  const slots = Number(entry(c, 'slots') ?? Math.max(0, ...seriesTexts(c).map((v) => v.trim().split(/\s+/).length)));
  const ctx = { periodSeconds: period, startTime: start, endTime: start + slots * period * 1000, source: fixtureSource(c, start, period) };
  let result: EvaluationResult;
  try {
    const parsed = parseQueryExpression(c.text);
    checkPrint(c, parsed);
    result = await evaluateExpression(parsed, ctx);
  } catch (error) {
    const expected = entry(c, 'error');
    if (expected === undefined || !(error instanceof MetricMathError)) throw error;
    assert.ok(error.message.includes(expected), `message '${error.message}' lacks '${expected}'`);
    const at = entry(c, 'at');
    if (at !== undefined) assert.equal(error.position, Number(at), `position of '${error.message}'`);
    const kind = entry(c, 'kind');
    if (kind !== undefined) assert.equal(error.kind, kind);
    return;
  }
  assert.equal(entry(c, 'error'), undefined, 'expected an error');
  assert.deepEqual(result.messages.map((m) => m.code), (entry(c, 'messages') ?? '').split(/\s+/).filter(Boolean));
  assert.deepEqual(render(result, start, period, slots), c.expected.map(normalise));
}

function checkPrint(c: GoldenCase, parsed: ParsedQueryExpression): void {
  const printed = parsed.kind === 'math' ? printMathExpression(parsed.ast) : printInsightsQuery(parsed.query);
  const expected = entry(c, 'print');
  if (expected !== undefined) assert.equal(printed, expected);
  const again = parseQueryExpression(printed);
  assert.deepEqual(again.kind === 'math' ? again.ast : again.query, parsed.kind === 'math' ? parsed.ast : parsed.query);
}

function render(result: EvaluationResult, start: number, period: number, slots: number): string[] {
  const value = result.value;
  if (value.kind === 'series') return [grid(value.series, start, period, slots)];
  if (value.series.length === 0) return ['[]'];
  return value.series.map((s) => `${s.label}: ${grid(s, start, period, slots)}`);
}

function grid(series: TimeSeries, start: number, period: number, slots: number): string {
  const cells = Array.from({ length: slots }, () => '-');
  series.timestamps.forEach((t, i) => {
    const index = (t - start) / (period * 1000);
    assert.ok(Number.isInteger(index) && index >= 0 && index < slots, `timestamp ${t} is off the ${period}s grid`);
    cells[index] = format(series.values[i] ?? Number.NaN);
  });
  return cells.join(' ');
}

function format(value: number): string {
  return String(Number(value.toFixed(6)));
}

function normalise(line: string): string {
  return line
    .split(' ')
    .map((token) => (/^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/.test(token) ? format(Number(token)) : token))
    .join(' ');
}

/** The value lists of a case's inputs: metric series, other results and catalog metrics (their last field). */
function seriesTexts(c: GoldenCase): string[] {
  return c.entries.flatMap(([key, value]) => {
    if (isMetricKey(key) || key.startsWith('result ')) return [value];
    if (key === 'catalog') return [value.split(/\s*\|\s*/)[3] ?? ''];
    return [];
  });
}
