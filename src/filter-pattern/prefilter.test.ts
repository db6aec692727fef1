import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { matchFilterPattern, parseFilterPattern, prefilterOf } from './index.js';
import type { SubstringPrefilter } from './index.js';
import { seededRandom } from '../kernel/index.js';

function admits(prefilter: SubstringPrefilter, message: string): boolean {
  return prefilter.allOf.every((clause) => clause.some((s) => message.includes(s)));
}


const rnd = seededRandom(20240611);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
const some = <T>(max: number, make: () => T): T[] => Array.from({ length: 1 + Math.floor(rnd() * max) }, make);

const WORDS = ['ERROR', 'WARN', 'rr', 'a', 'ab', 'b_c', 'x1', '10', 'é'];
const TOKENS = [...WORDS, 'ERRORS', '[a b]', '"x y"', '1e1', 'a\\b', 'abc', '404', 'xab', 'true', '-'];
const REGEXES = ['%ERR%', '%^a%', '%b$%', '%a|b%', '%[0-9]+%', '%x\\d%', '%E.R%', '%ab*c%', '%\\x41b%', '%a{2}%', '%R+O%'];
const VALUES = ['a', 'ab', '*b', 'a*', '*a*', '*', '1', '10', '1e1', '"a b"', '"404"', 'true', '%^a%', '%b|1%', '"é"', 'abc'];

function termsPattern(): string {
  return some(4, () => pick(['', '', '?', '-']) + pick([...WORDS, '"a b"', '"x y"', '"[a"', ...REGEXES])).join(' ');
}

function spacePattern(): string {
  const fields = some(4, () => {
    if (rnd() < 0.15) return '...';
    const name = pick(['f', 'g', 'h']);
    if (rnd() < 0.4) return name;
    return some(2, () => `${name} ${pick(['=', '=', '!=', '>', '<='])} ${pick(VALUES)}`).join(pick([' && ', ' || ']));
  });
  return `[${fields.filter((f, i) => f !== '...' || fields.indexOf('...') === i).join(', ')}]`;
}

function jsonExpression(depth: number): string {
  if (depth > 0 && rnd() < 0.4) return `(${some(2, () => jsonExpression(depth - 1)).join(pick([' && ', ' || ']))})`;
  const path = pick(['$.a', '$.b[0]', '$.c.d', '$.e']);
  const r = rnd();
  if (r < 0.1) return `${path} IS ${pick(['NULL', 'TRUE', 'FALSE'])}`;
  if (r < 0.2) return `${path} NOT EXISTS`;
  return `${path} ${pick(['=', '=', '!=', '>', '<'])} ${pick(VALUES)}`;
}

function numberOrValue(): unknown {
  return pick<unknown>(['a', 'ab', 'xab', 'a b', 'é', 'abc', '404', 404, 4e2, 10, 1e1, 1, true, false, null, { z: 1 }, ['a']]);
}

/** JSON.stringify, with some string characters written as \u escapes, as any JSON encoder may. */
function jsonMessage(): string {
  const object: Record<string, unknown> = {};
  if (rnd() < 0.8) object['a'] = numberOrValue();
  if (rnd() < 0.7) object['b'] = [numberOrValue()];
  if (rnd() < 0.7) object['c'] = { d: numberOrValue() };
  const text = JSON.stringify(object);
  if (rnd() < 0.5) return text;
  return text.replace(/"([^"\\]*)"/g, (_m, inner: string) =>
    `"${[...inner].map((ch) => (rnd() < 0.3 ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : ch)).join('')}"`,
  );
}

function textMessage(): string {
  return some(6, () => pick(TOKENS)).join(rnd() < 0.8 ? ' ' : '  ');
}

describe('prefilterOf', () => {
  test('never rejects a message that matches (random patterns and messages)', () => {
    let matches = 0;
    let filtered = 0;
    for (let round = 0; round < 400; round++) {
      const family = round % 3;
      const text = family === 0 ? termsPattern() : family === 1 ? spacePattern() : `{ ${jsonExpression(2)} }`;
      let pattern;
      try {
        pattern = parseFilterPattern(text);
      } catch {
        continue; // e.g. three regexes; the generator is not meant to be exact about quotas
      }
      const prefilter = prefilterOf(pattern);
      if (prefilter.allOf.length > 0) filtered++;
      for (let i = 0; i < 25; i++) {
        const message = family === 2 ? jsonMessage() : textMessage();
        if (matchFilterPattern(pattern, message) === undefined) continue;
        matches++;
        assert.ok(admits(prefilter, message), `${text} matches ${message} but ${JSON.stringify(prefilter.allOf)} rejects it`);
      }
    }
    // Guard against a vacuous run: the generators must produce both matches and real prefilters.
    assert.ok(matches > 500, `only ${matches} matches`);
    assert.ok(filtered > 100, `only ${filtered} patterns with a prefilter`);
  });

  test('is selective where it safely can be', () => {
    const allOf = (text: string) => prefilterOf(parseFilterPattern(text)).allOf;
    assert.deepEqual(allOf(''), []);
    assert.deepEqual(allOf('ERROR "a b" -skip'), [['ERROR'], ['a b']]);
    assert.deepEqual(allOf('?ERROR ?%WARN|FAIL%'), [['ERROR', 'WARN', 'FAIL']]);
    assert.deepEqual(allOf('?ERROR ?%[a-z]%'), []);
    assert.deepEqual(allOf('{ $.level = "ERROR" }'), [['level', '\\'], ['ERROR', '\\']]);
    assert.deepEqual(allOf('{ $.flag IS TRUE }'), [['flag', '\\'], ['true']]);
    assert.deepEqual(allOf('{ $.code = "404" }'), [['code', '\\']]); // a JSON number 4e2 prints as 404
    assert.deepEqual(allOf('{ $.a NOT EXISTS }'), []);
    assert.deepEqual(allOf('{ $.a = xyz || $.b = qqq }'), [['a', '\\', 'b'], ['a', '\\', 'qqq'], ['xyz', '\\', 'b'], ['xyz', '\\', 'qqq']]);
    assert.deepEqual(allOf('[..., request = *.html*, status = 4*, bytes > 10]'), [['.html'], ['4']]);
  });
});
