import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { describeQuery, isQuerySyntaxError, parseQuery, printQuery } from './index.js';
import { readGoldenCases, updateGoldenFile } from './testdata/golden-file.js';

const FILES = ['parse.txt', 'parse-errors.txt'].map((name) => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url)));

/** What each stage of the front end produces for one query: its AST and printed form, or its syntax error. */
function stagesOf(query: string): Map<string, string> {
  try {
    const ast = parseQuery(query);
    return new Map([['ast', describeQuery(ast)], ['print', printQuery(ast)]]);
  } catch (error) {
    if (!isQuerySyntaxError(error)) throw error;
    return new Map([['error', error.message], ['at', `${error.span.start}-${error.span.end}`]]);
  }
}

if (process.env.UPDATE_GOLDEN === '1') for (const file of FILES) updateGoldenFile(file, stagesOf);

for (const file of FILES) {
  describe(`query golden ${file.split('/').pop() ?? file}`, () => {
    for (const c of readGoldenCases(file)) {
      test(`line ${c.line}: ${c.query}`, () => {
        const actual = stagesOf(c.query);
        assert.deepEqual(actual, new Map(c.stages), `stages of ${c.query}`);
        const print = actual.get('print');
        // Printing is faithful: the printed text parses to the same AST.
        if (print !== undefined) assert.equal(describeQuery(parseQuery(print)), actual.get('ast'));
      });
    }
  });
}
