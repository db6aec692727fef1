import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { compileToSql, describePlan, duckDbDialect, isQuerySyntaxError, isUnsupportedQueryError, parseQuery, planQuery } from './index.js';
import { readGoldenCases, updateGoldenFile } from './testdata/golden-file.js';

const FILE = fileURLToPath(new URL('./testdata/plan.txt', import.meta.url));

/** A diff compares ranges, so the SQL needs one: an hour of 2024-05-05. */
const TIME_RANGE = { start: Date.parse('2024-05-05T12:00:00Z'), end: Date.parse('2024-05-05T12:59:59.999Z') };

/** The back end's stages for one query: the logical plan and the DuckDB SQL (over a stand-in events relation). */
function stagesOf(query: string): Map<string, string> {
  try {
    const plan = planQuery(parseQuery(query), { limit: 1000 });
    const compiled = compileToSql({ plan, source: () => 'SELECT * FROM events', timeRange: TIME_RANGE }, duckDbDialect);
    const params = compiled.params.map((p) => JSON.stringify(p.value)).join(', ');
    return new Map([['plan', describePlan(plan)], ['sql', compiled.sql.replace(/\s+/g, ' ')], ['params', params]]);
  } catch (error) {
    if (!isQuerySyntaxError(error) && !isUnsupportedQueryError(error)) throw error;
    return new Map([['error', error.message]]);
  }
}

if (process.env.UPDATE_GOLDEN === '1') updateGoldenFile(FILE, stagesOf);

describe('query golden plan.txt', () => {
  for (const c of readGoldenCases(FILE)) {
    test(`line ${c.line}: ${c.query}`, () => assert.deepEqual(stagesOf(c.query), new Map(c.stages)));
  }
});
