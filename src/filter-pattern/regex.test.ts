import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FilterPatternError } from './filter-pattern-error.js';
import { compileAwsRegex } from './regex.js';
import { requiredRegexLiterals } from './regex-literals.js';

describe('compileAwsRegex', () => {
  test('accepts the documented alphabet and escapes and searches anywhere in the text', () => {
    assert.ok(compileAwsRegex('\\d{1,3}\\.\\d{1,3}', 0).test('ip 10.2 here'));
    assert.ok(compileAwsRegex('a_#=@/;,-: b', 0).test('xa_#=@/;,-: b'));
    assert.ok(compileAwsRegex('\\x28v1\\x29', 0).test('(v1)'));
    assert.ok(compileAwsRegex('\\\\d', 0).test('\\d'), 'an escaped backslash is a literal backslash');
    assert.ok(!compileAwsRegex('\\\\d', 0).test('5'));
    assert.ok(compileAwsRegex('^\\[ERROR\\]$', 0).test('[ERROR]'));
  });

  test('rejects what AWS rejects, pointing at the character', () => {
    const position = (source: string): number => {
      try {
        compileAwsRegex(source, 10);
      } catch (error) {
        assert.ok(error instanceof FilterPatternError);
        return error.position;
      }
      return -1;
    };
    assert.equal(position('ab!'), 12);
    assert.equal(position('(a)'), 10);
    assert.equal(position('a\\(b'), 12, 'escaping does not make a parenthesis legal');
    assert.equal(position('"a"'), 10);
    assert.equal(position('a\\1'), 11);
    assert.equal(position('\\k<x>'), 10);
    assert.equal(position('\\x4'), 10);
    assert.equal(position('ab\\'), 12);
    assert.equal(position('x\u00e9'), 11);
    assert.equal(position('a**'), 10, 'JavaScript syntax errors are reported as FilterPatternError');
    assert.equal(position(''), 10);
  });
});

describe('requiredRegexLiterals', () => {
  const cases: readonly [string, readonly string[] | undefined][] = [
    ['AUTHORIZED', ['AUTHORIZED']],
    ['[Ee]rror|[Ff]ail', ['rror', 'ail']],
    ['colou?r', ['colo']],
    ['ab+c', ['ab']],
    ['a{0,2}bcd', ['bcd']],
    ['^\\[ERROR\\] x', ['[ERROR] x']],
    ['\\d+\\.\\d+', ['.']],
    ['\\x28v1\\x29', ['(v1)']],
    ['[a-z]+', undefined],
    ['abc|.*', undefined],
    ['a|b', ['a', 'b']],
    ['x{2}yz', ['yz']],
  ];
  for (const [source, expected] of cases) {
    test(`%${source}%`, () => {
      assert.deepEqual(requiredRegexLiterals(source), expected);
      const regex = compileAwsRegex(source, 0);
      // Whatever the regex matches contains one of the literals.
      for (const sample of ['AUTHORIZED', 'error', 'Fail', 'color', 'abbc', 'bcd', '[ERROR] x', '1.5', '(v1)', 'a', 'b', 'xxyz']) {
        if (regex.test(sample) && expected !== undefined) assert.ok(expected.some((l) => sample.includes(l)), sample);
      }
    });
  }
});
