import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { jsonPushdownOf, matchFilterPattern, parseFilterPattern } from './index.js';
import type { JsonPushdown } from './index.js';
import { seededRandom } from '../kernel/index.js';


const rnd = seededRandom(977);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;

const VALUES = ['a', 'ab', '*b', 'a*', '*a*', '*', '1', '10', '1e1', '-5', '0.5', '"a b"', '"404"', 'true', '%^a%', 'x-y', '"é"', 'abc', '1e400'];
const LEAVES: readonly unknown[] = ['a', 'ab', 'xab', 'a b', 'x-y', 'é', 'abc', '404', '+404', '4e2', ' 10', 404, 4e2, 10, 1e1, -5, 0.5, 1, true, false, null, { z: 1 }, ['a']];

function jsonExpression(depth: number): string {
  if (depth > 0 && rnd() < 0.4) return `(${jsonExpression(depth - 1)} ${pick(['&&', '||'])} ${jsonExpression(depth - 1)})`;
  const path = pick(['$.a', '$.b[0]', '$.c.d', '$.e-f']);
  const r = rnd();
  if (r < 0.1) return `${path} IS ${pick(['NULL', 'TRUE', 'FALSE'])}`;
  if (r < 0.2) return `${path} NOT EXISTS`;
  return `${path} ${pick(['=', '=', '!=', '>', '<', '>=', '<='])} ${pick(VALUES)}`;
}

function jsonMessage(): string {
  const object: Record<string, unknown> = {};
  if (rnd() < 0.8) object['a'] = pick(LEAVES);
  if (rnd() < 0.7) object['b'] = [pick(LEAVES)];
  if (rnd() < 0.7) object['c'] = { d: pick(LEAVES) };
  if (rnd() < 0.5) object['e-f'] = pick(LEAVES);
  const text = JSON.stringify(object);
  // A duplicate key: JSON.parse keeps the last one.
  return rnd() < 0.2 ? text.replace(/^\{/, `{"a":${JSON.stringify(pick(LEAVES))},`) : text;
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The JsonPushdown semantics, written from their description. */
function holds(condition: JsonPushdown, root: unknown): boolean {
  if (condition.kind === 'all') return condition.operands.every((o) => holds(o, root));
  if (condition.kind === 'any') return condition.operands.some((o) => holds(o, root));
  let value: unknown = root;
  for (const step of condition.path) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) !== (typeof step === 'number')) return false;
    if (!Object.prototype.hasOwnProperty.call(value, step)) return false;
    value = (value as Record<string | number, unknown>)[step];
  }
  if (condition.kind === 'text') {
    if (typeof value !== 'string') return false;
    const v = condition.value;
    return { equals: value === v, 'starts-with': value.startsWith(v), 'ends-with': value.endsWith(v), contains: value.includes(v) }[condition.match];
  }
  const n = typeof value === 'number' ? value : typeof value === 'string' && NUMBER_TEXT.test(value) ? Number(value) : undefined;
  if (n === undefined) return false;
  const v = condition.value;
  return { '=': n === v, '<': n < v, '<=': n <= v, '>': n > v, '>=': n >= v }[condition.operator];
}

describe('jsonPushdownOf', () => {
  test('holds for every event the matcher accepts (random patterns and events)', () => {
    let matches = 0;
    let pushed = 0;
    for (let round = 0; round < 1200; round++) {
      const text = `{ ${jsonExpression(2)} }`;
      let pattern;
      try {
        pattern = parseFilterPattern(text);
      } catch {
        continue; // e.g. `>` before a string; the generator is not exact about what parses
      }
      const condition = jsonPushdownOf(pattern);
      if (condition === undefined) continue;
      pushed++;
      for (let i = 0; i < 40; i++) {
        const message = jsonMessage();
        if (matchFilterPattern(pattern, message) === undefined) continue;
        matches++;
        assert.ok(holds(condition, JSON.parse(message)), `${text} matches ${message} but ${JSON.stringify(condition)} fails`);
      }
    }
    assert.ok(pushed > 200, `only ${pushed} patterns pushed down`);
    assert.ok(matches > 300, `only ${matches} matches`);
  });

  test('pushes down what it safely can, and nothing else', () => {
    const of = (text: string) => jsonPushdownOf(parseFilterPattern(text));
    assert.deepEqual(of('{ $.status = 500 }'), { kind: 'number', path: ['status'], operator: '=', value: 500 });
    assert.deepEqual(of('{ $.a-b.c_d[0] >= 1.5 }'), { kind: 'number', path: ['a-b', 'c_d', 0], operator: '>=', value: 1.5 });
    assert.deepEqual(of('{ $.level = "ERROR" }'), { kind: 'text', path: ['level'], match: 'equals', value: 'ERROR' });
    assert.deepEqual(of('{ $.path = /v1/* }'), { kind: 'text', path: ['path'], match: 'starts-with', value: '/v1/' });
    assert.deepEqual(of('{ $.a = *x* && $.b != 1 }'), { kind: 'text', path: ['a'], match: 'contains', value: 'x' });
    assert.deepEqual(of('{ $.a = 1 || $.b = "q" }'), {
      kind: 'any',
      operands: [{ kind: 'number', path: ['a'], operator: '=', value: 1 }, { kind: 'text', path: ['b'], match: 'equals', value: 'q' }],
    });
    for (const text of ['ERROR', '[a = 1]', '{ $.a != 1 }', '{ $.a = "404" }', '{ $.a = true }', '{ $.a = * }', '{ $.a = %x% }',
      '{ $.a NOT EXISTS }', '{ $.a IS NULL }', '{ $.a = 1 || $.b != 2 }', '{ $.a = 1e400 }', '{ $.a = "1e+21" }']) {
      assert.equal(of(text), undefined, text);
    }
  });
});
