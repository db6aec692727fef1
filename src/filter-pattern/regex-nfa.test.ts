import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileAwsRegex } from './regex.js';
import { Nfa } from './regex-nfa.js';
import { parseRegexSyntax } from './regex-syntax.js';
import { seededRandom } from '../kernel/index.js';


const rnd = seededRandom(7);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;

const ATOMS = ['a', 'b', 'ab', '.', '\\d', '\\D', '\\w', '\\W', '\\s', '\\S', '[ab]', '[^a]', '[a-c0-9]', '[\\d-]', '[]', '[^]',
  '\\.', '\\-', '\\x41', '[\\x41-\\x43]', '-', ':', '_', '=', '@', '/', ';', ',', '#', ' ', '\\t', '[\\b]', '{', '}', ']'];
const QUANTIFIERS = ['', '', '', '?', '*', '+', '{2}', '{1,3}', '{0,}', '*?', '+?', '{2,}'];
const ASSERTIONS = ['^', '$', '\\b', '\\B'];
const TEXT = ['a', 'b', 'c', '1', '2', ' ', '\t', '-', '.', 'A', 'B', '_', ':', '\n', '\u00a0', 'é', '\u2028', '{', '}', '\b'];

function randomRegex(): string {
  const alternatives = Array.from({ length: rnd() < 0.8 ? 1 : 2 }, () =>
    Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => (rnd() < 0.12 ? pick(ASSERTIONS) : pick(ATOMS) + pick(QUANTIFIERS))).join(''),
  );
  return alternatives.join('|');
}

describe('Nfa agrees with V8 on the AWS dialect', () => {
  test('random regexes and texts', () => {
    let compared = 0;
    let matched = 0;
    for (let round = 0; round < 1500; round++) {
      const source = randomRegex();
      let v8: RegExp;
      try {
        v8 = new RegExp(source);
      } catch {
        continue;
      }
      const nfa = new Nfa(parseRegexSyntax(source));
      for (let i = 0; i < 12; i++) {
        const text = Array.from({ length: Math.floor(rnd() * 8) }, () => pick(TEXT)).join('');
        const expected = v8.test(text);
        assert.equal(nfa.test(text), expected, `/${source}/ on ${JSON.stringify(text)}`);
        compared++;
        if (expected) matched++;
      }
    }
    assert.ok(compared > 10000 && matched > 3000, `${compared} compared, ${matched} matched`);
  });

  test('stays linear where backtracking explodes', () => {
    const digits = '1'.repeat(200_000);
    const started = performance.now();
    assert.equal(compileAwsRegex('\\d+x', 0).test(digits), false);
    assert.equal(compileAwsRegex('.*1.*2.*3', 0).test(digits), false);
    assert.equal(compileAwsRegex('1*1*1*1*1*y', 0).test(digits), false);
    assert.equal(compileAwsRegex('1*1*1*1*1*', 0).test(digits), true);
    assert.ok(performance.now() - started < 5000, `took ${performance.now() - started} ms`);
  });

  test('huge repetition counts are rejected as too complex', () => {
    assert.throws(() => compileAwsRegex('a{1,9000}b{1,9000}', 0), /too complex/);
  });
});
