import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { describeQuery, isQuerySyntaxError, parseQuery, planQuery, printQuery } from './index.js';
import { readGoldenCases, updateGoldenFile } from './testdata/golden-file.js';

const FILES = ['parse.txt', 'parse-errors.txt'].map((name) => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url)));

/**
 * What the front end makes of one query: its AST and printed form, or the error StartQuery reports. Refused queries
 * (parse-errors.txt) are also planned, so the errors found while resolving names show up there too.
 */
function stagesOf(query: string, file: string): Map<string, string> {
  try {
    const ast = parseQuery(query);
    if (file.endsWith('parse-errors.txt')) planQuery(ast, { limit: 1000 });
    return new Map([['ast', describeQuery(ast)], ['print', printQuery(ast)]]);
  } catch (error) {
    if (!isQuerySyntaxError(error)) throw error;
    return new Map([['error', error.message], ['at', `${error.span.start}-${error.span.end}`]]);
  }
}

if (process.env.UPDATE_GOLDEN === '1') for (const file of FILES) updateGoldenFile(file, (query) => stagesOf(query, file));

for (const file of FILES) {
  describe(`query golden ${file.split('/').pop() ?? file}`, () => {
    for (const c of readGoldenCases(file)) {
      test(`line ${c.line}: ${c.query}`, () => {
        const actual = stagesOf(c.query, file);
        assert.deepEqual(actual, new Map(c.stages), `stages of ${c.query}`);
        const print = actual.get('print');
        // Printing is faithful: the printed text parses to the same AST.
        if (print !== undefined) assert.equal(describeQuery(parseQuery(print)), actual.get('ast'));
      });
    }
  });
}
