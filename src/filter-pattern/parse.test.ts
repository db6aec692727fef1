import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countRegexes, FilterPatternError, matchFilterPattern, parseFilterPattern, printFilterPattern } from './index.js';

describe('parseFilterPattern', () => {
  test('empty, blank and a quoted space match everything', () => {
    for (const text of ['', '   ', '" "', '  "   "  ']) {
      const pattern = parseFilterPattern(text);
      assert.equal(pattern.kind, 'match-all', JSON.stringify(text));
      assert.ok(matchFilterPattern(pattern, 'x'));
      assert.equal(printFilterPattern(pattern), '');
    }
  });

  test('terms keep their kind and modifier', () => {
    const pattern = parseFilterPattern('ERROR "two words" ?%^x% -skip');
    assert.equal(pattern.kind, 'terms');
    if (pattern.kind !== 'terms') return;
    assert.deepEqual(
      pattern.clauses.map((c) => (c.kind === 'optional' || c.kind === 'exclusion' ? `${c.kind}:${c.matcher.kind}` : c.kind)),
      ['term', 'phrase', 'optional:regex', 'exclusion:term'],
    );
  });

  test('JSON precedence: && binds tighter than ||, parentheses override, same-kind nesting flattens', () => {
    const shape = (text: string): string => {
      const pattern = parseFilterPattern(text);
      if (pattern.kind !== 'json') throw new Error('not json');
      const walk = (e: typeof pattern.expression): string =>
        e.kind === 'and' || e.kind === 'or' ? `${e.kind}(${e.operands.map(walk).join(',')})` : e.kind;
      return walk(pattern.expression);
    };
    assert.equal(shape('{ $.a = 1 || $.b = 2 && $.c = 3 }'), 'or(compare,and(compare,compare))');
    assert.equal(shape('{ ($.a = 1 || $.b = 2) && $.c = 3 }'), 'and(or(compare,compare),compare)');
    assert.equal(shape('{ (($.a = 1 && $.b = 2)) && ($.c IS NULL && $.d NOT EXISTS) }'), 'and(compare,compare,is,not-exists)');
  });

  test('selectors become paths of property names and indexes', () => {
    const pattern = parseFilterPattern('{ $.a.b-c[0][12].d_e = 1 }');
    assert.equal(pattern.kind === 'json' && pattern.expression.kind === 'compare' && JSON.stringify(pattern.expression.path), '["a","b-c",0,12,"d_e"]');
  });

  test('numbers keep their spelling; strings know their wildcard shape', () => {
    const pattern = parseFilterPattern('{ $.a = +1.5e-3 && $.b = *x* && $.c = "x*" && $.d = "*" && $.e = "a*b" }');
    assert.ok(pattern.kind === 'json' && pattern.expression.kind === 'and');
    const values = pattern.expression.operands.map((o) => (o.kind === 'compare' ? o.value : undefined));
    assert.deepEqual(values[0], { kind: 'number', text: '+1.5e-3', value: 0.0015 });
    assert.deepEqual(
      values.slice(1).map((v) => v?.kind === 'string' && `${v.shape}:${v.core}`),
      ['contains:x', 'starts-with:x', 'any:', 'exact:a*b'],
    );
  });

  test('errors carry a position pointing at the problem', () => {
    const error = catchError('{ $.a = 1 && $.b IS NOT NULL }');
    assert.equal(error.position, '{ $.a = 1 && $.b '.length);
    assert.match(error.message, /IS NOT/);
  });
});

describe('printFilterPattern', () => {
  const canonical: readonly [string, string][] = [
    ['  ERROR   ?"a b"  -%x\\d%  ', 'ERROR ?"a b" -%x\\d%'],
    ['"ERROR" - "Exiting"', '"ERROR" -"Exiting"'],
    ['{$.a=1&&($.b="x y"||$.c!=*z)}', '{ $.a = 1 && ($.b = "x y" || $.c != *z) }'],
    ['{ ($.a = 1 && $.b = 2) || $.c IS true }', '{ $.a = 1 && $.b = 2 || $.c IS TRUE }'],
    ['{ $.a = "123" && $.b = 123 && $.c = "q\\"uote\\\\" }', '{ $.a = "123" && $.b = 123 && $.c = "q\\"uote\\\\" }'],
    ['[a,b=1||b=2,...,c!=%x%,]', '[a, b = 1 || b = 2, ..., c != %x%, ]'],
    ['[ ]', '[]'],
  ];
  for (const [input, expected] of canonical) {
    test(`prints ${input} as ${expected}`, () => {
      const pattern = parseFilterPattern(input);
      assert.equal(printFilterPattern(pattern), expected);
      assert.deepEqual(parseFilterPattern(expected), pattern);
    });
  }
});

describe('countRegexes', () => {
  test('counts regexes in every family', () => {
    assert.equal(countRegexes(parseFilterPattern('ERROR')), 0);
    assert.equal(countRegexes(parseFilterPattern('%a% -%b%')), 2);
    assert.equal(countRegexes(parseFilterPattern('{ $.a = %x% || $.b != %y% }')), 2);
    assert.equal(countRegexes(parseFilterPattern('[a = %x% || a = 1, b]')), 1);
  });
});

function catchError(text: string): FilterPatternError {
  try {
    parseFilterPattern(text);
  } catch (error) {
    if (error instanceof FilterPatternError) return error;
    throw error;
  }
  throw new Error(`expected '${text}' to be rejected`);
}
