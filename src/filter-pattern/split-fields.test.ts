import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldTexts, splitFields } from './split-fields.js';

test('brackets and quotes group a field and are stripped', () => {
  assert.deepEqual(fieldTexts('127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /a b HTTP/1.0" 200 1534'), [
    '127.0.0.1',
    '-',
    'frank',
    '10/Oct/2000:13:25:15 -0700',
    'GET /a b HTTP/1.0',
    '200',
    '1534',
  ]);
});

test('runs of whitespace separate; leading and trailing whitespace is ignored', () => {
  assert.deepEqual(fieldTexts('  a \t b\n'), ['a', 'b']);
  assert.deepEqual(fieldTexts(''), []);
  assert.deepEqual(fieldTexts('   '), []);
});

test('escaped quotes stay inside a quoted field; unclosed delimiters are ordinary characters', () => {
  assert.deepEqual(fieldTexts('"say \\"hi\\"" x'), ['say \\"hi\\"', 'x']);
  assert.deepEqual(fieldTexts('"open x'), ['"open', 'x']);
  assert.deepEqual(fieldTexts('[open x'), ['[open', 'x']);
  assert.deepEqual(fieldTexts('""'), ['']);
  assert.deepEqual(fieldTexts('"a"b c'), ['a', 'b', 'c']);
  assert.deepEqual(fieldTexts('key=[x y]'), ['key=[x', 'y]']);
});

test('grows past its initial buffer', () => {
  const words = Array.from({ length: 500 }, (_, i) => `w${i}`);
  assert.equal(splitFields(words.join(' ')).count, 500);
  assert.deepEqual(fieldTexts(words.join(' ')), words);
});
