import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seededRandom } from '../../kernel/index.js';
import { MESSAGE_JSON_COLUMN, type PlanExpr } from '../plan.js';
import { messagePrefilter, readsMessage, requiredLiteral } from './message-prefilter.js';

describe('requiredLiteral', () => {
  const cases: readonly [string, string | undefined][] = [
    ['refund request', 'refund request'],
    ['(?i)refund request', 'refund request'],
    ['^Exception$', 'Exception'],
    ['colou?r', 'colo'],
    ['ab+cde', 'cde'],
    ['x{2}yz', undefined],
    ['time(out)? after \\d+s', ' after '],
    ['[Ee]rror code', 'rror code'],
    ['error|warn', undefined],
    ['(error|warn) code 42', ' code 42'],
    ['a.b.c', undefined],
    ['say "hi" there', ' there'],
    ['caf\u00e9 au lait', ' au lait'],
    ['\\.json', '.json'],
    ['\\bword\\b', 'word'],
    ['path/to/file', 'path'],
    ['é?xyz', 'xyz'],
  ];
  for (const [pattern, expected] of cases) test(`/${pattern}/`, () => assert.equal(requiredLiteral(pattern), expected));

  test('every text the regex matches contains the literal (random strings over the patterns\' alphabet)', () => {
    const random = seededRandom(7);
    const alphabet = 'abcdeorxyz u.-';
    const patterns = ['ab?cde', 'x(yz)?abc', 'a+bcd', 'ab.cde', '[ab]cde', 'abc\\.de', 'o{1,2}bcd', 'e+ x u'];
    for (const pattern of patterns) {
      const literal = requiredLiteral(pattern);
      const regex = new RegExp(pattern);
      for (let n = 0; n < 3000; n++) {
        const text = Array.from({ length: 4 + Math.floor(random() * 10) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
        if (regex.test(text)) assert.ok(literal !== undefined && text.includes(literal), `${pattern} matched ${text} without ${literal}`);
      }
    }
  });
});

describe('messagePrefilter', () => {
  const field: PlanExpr = { kind: 'json-path', source: { kind: 'column', name: MESSAGE_JSON_COLUMN, type: 'json' }, path: [{ key: 'prompt' }], type: 'dynamic' };
  const other: PlanExpr = { kind: 'column', name: 'parsed', type: 'string' };
  const text = (value: string): PlanExpr => ({ kind: 'literal', value, type: 'string' });
  const matches = (subject: PlanExpr, pattern: string, caseInsensitive = false): PlanExpr => ({ kind: 'matches', subject, pattern, caseInsensitive, type: 'boolean' });

  test('a regex on a JSON field of the message', () => {
    assert.deepEqual(messagePrefilter(matches(field, 'refund request', true), readsMessage), { kind: 'text', text: 'refund request', caseInsensitive: true });
  });
  test('equality and substring tests with text', () => {
    assert.deepEqual(messagePrefilter({ kind: 'compare', op: '=', left: text('Throttled'), right: field, type: 'boolean' }, readsMessage), { kind: 'text', text: 'Throttled', caseInsensitive: false });
    assert.deepEqual(messagePrefilter({ kind: 'contains', subject: field, text: text('abc'), type: 'boolean' }, readsMessage), { kind: 'text', text: 'abc', caseInsensitive: false });
  });
  test('and keeps either side; or needs both; not and other subjects give none', () => {
    const a = matches(field, 'alpha');
    const b = matches(other, 'beta');
    assert.deepEqual(messagePrefilter({ kind: 'logical', op: 'and', left: a, right: b, type: 'boolean' }, readsMessage), { kind: 'text', text: 'alpha', caseInsensitive: false });
    assert.equal(messagePrefilter({ kind: 'logical', op: 'or', left: a, right: b, type: 'boolean' }, readsMessage), undefined);
    assert.equal(messagePrefilter({ kind: 'not', operand: a, type: 'boolean' }, readsMessage), undefined);
    assert.equal(messagePrefilter({ kind: 'compare', op: '!=', left: field, right: text('abc'), type: 'boolean' }, readsMessage), undefined);
  });
  test('a flag group inside the pattern makes the test case-insensitive', () => {
    assert.deepEqual(messagePrefilter(matches(field, 'Refund (?i)request'), readsMessage), { kind: 'text', text: 'Refund ', caseInsensitive: true });
  });
});
