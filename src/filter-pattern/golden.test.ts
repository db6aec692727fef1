import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { FilterPatternError, matchFilterPattern, parseFilterPattern, prefilterOf, printFilterPattern } from './index.js';
import type { SubstringPrefilter } from './index.js';
import { parseGoldenCases } from './testdata/golden-cases.js';

const folder = new URL('./testdata/', import.meta.url);

function admits(prefilter: SubstringPrefilter, message: string): boolean {
  return prefilter.allOf.every((clause) => clause.some((s) => message.includes(s)));
}

for (const file of readdirSync(folder).filter((f) => f.endsWith('.txt')).sort()) {
  describe(`golden ${file}`, () => {
    for (const c of parseGoldenCases(file, readFileSync(new URL(file, folder), 'utf8'))) {
      test(`${file}:${c.line} ${c.pattern}`, () => {
        if (c.error !== undefined) {
          assert.throws(
            () => parseFilterPattern(c.pattern),
            (error: unknown) => {
              assert.ok(error instanceof FilterPatternError, `expected FilterPatternError, got ${String(error)}`);
              assert.ok(error.message.includes(c.error ?? ''), `message '${error.message}' lacks '${c.error}'`);
              if (c.at !== undefined) assert.equal(error.position, c.at, `position for '${error.message}'`);
              return true;
            },
          );
          return;
        }
        const pattern = parseFilterPattern(c.pattern);
        const printed = printFilterPattern(pattern);
        assert.deepEqual(parseFilterPattern(printed), pattern, `round trip through '${printed}'`);
        const prefilter = prefilterOf(pattern);
        for (const event of c.events) {
          const match = matchFilterPattern(pattern, event.message);
          assert.equal(match !== undefined, event.matches, `${event.matches ? 'should' : 'should not'} match: ${event.message}`);
          if (match === undefined) continue;
          assert.ok(admits(prefilter, event.message), `prefilter ${JSON.stringify(prefilter)} rejects a match: ${event.message}`);
          if (event.extracted !== undefined) assert.deepEqual({ ...match.extractedValues }, event.extracted);
          if (pattern.kind !== 'space-delimited') assert.deepEqual({ ...match.extractedValues }, {});
        }
      });
    }
  });
}
