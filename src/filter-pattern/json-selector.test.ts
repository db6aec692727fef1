import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveJsonSelector } from './index.js';
import { parseSelectorText } from './json-selector.js';

const event = JSON.stringify({ a: { b: [{ c: 1.5 }, 'x'] }, n: null, t: true, s: 'str', 'k-1': 7, o: {}, arr: [1] });

test('resolves scalars through properties and indexes', () => {
  assert.equal(resolveJsonSelector(event, '$.a.b[0].c'), 1.5);
  assert.equal(resolveJsonSelector(event, '$.a.b[1]'), 'x');
  assert.equal(resolveJsonSelector(event, '$.n'), null);
  assert.equal(resolveJsonSelector(event, '$.t'), true);
  assert.equal(resolveJsonSelector(event, ' $.s '), 'str');
  assert.equal(resolveJsonSelector(event, '$.k-1'), 7);
});

test('objects, arrays, missing paths, bad selectors and non-JSON events give undefined', () => {
  assert.equal(resolveJsonSelector(event, '$.o'), undefined);
  assert.equal(resolveJsonSelector(event, '$.arr'), undefined);
  assert.equal(resolveJsonSelector(event, '$.a.b[2]'), undefined);
  assert.equal(resolveJsonSelector(event, '$.s.length'), undefined);
  assert.equal(resolveJsonSelector(event, '$.arr.0'), undefined);
  assert.equal(resolveJsonSelector(event, '$.__proto__'), undefined);
  assert.equal(resolveJsonSelector(event, 'a.b'), undefined);
  assert.equal(resolveJsonSelector(event, '$.a b'), undefined);
  assert.equal(resolveJsonSelector('not json', '$.a'), undefined);
  assert.equal(resolveJsonSelector('[{"a":1}]', '$.a'), undefined);
  assert.equal(resolveJsonSelector('{"a":1', '$.a'), undefined);
});

test('parseSelectorText', () => {
  assert.deepEqual(parseSelectorText('$.a[0][1].b'), ['a', 0, 1, 'b']);
  assert.equal(parseSelectorText('$[0]'), undefined);
  assert.equal(parseSelectorText('$'), undefined);
  assert.equal(parseSelectorText('$.a[x]'), undefined);
});
