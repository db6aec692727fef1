import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MathExpr } from '../index.js';
import { parseMathExpression, printMathExpression } from '../index.js';

const ref = (id: string): MathExpr => ({ kind: 'ref', id });
const bin = (op: '+' | '-' | '*' | '/' | '^' | '<' | 'AND' | 'OR', left: MathExpr, right: MathExpr): MathExpr => ({
  kind: 'binary',
  op,
  left,
  right,
});

/** Trees a parser never builds from unparenthesised text still print to text that parses back to them. */
const trees: [MathExpr, string][] = [
  [bin('-', ref('a'), bin('-', ref('b'), ref('c'))), 'a - (b - c)'],
  [bin('-', bin('-', ref('a'), ref('b')), ref('c')), 'a - b - c'],
  [bin('/', ref('a'), bin('*', ref('b'), ref('c'))), 'a / (b * c)'],
  [bin('^', bin('^', ref('a'), ref('b')), ref('c')), '(a ^ b) ^ c'],
  [bin('^', ref('a'), bin('^', ref('b'), ref('c'))), 'a ^ b ^ c'],
  [bin('^', { kind: 'negate', operand: ref('a') }, ref('b')), '(-a) ^ b'],
  [{ kind: 'negate', operand: bin('+', ref('a'), ref('b')) }, '-(a + b)'],
  [{ kind: 'negate', operand: { kind: 'negate', operand: ref('a') } }, '--a'],
  [bin('*', ref('a'), { kind: 'negate', operand: ref('b') }), 'a * -b'],
  [bin('AND', bin('OR', ref('a'), ref('b')), ref('c')), '(a OR b) AND c'],
  [bin('OR', ref('a'), bin('AND', ref('b'), ref('c'))), 'a OR b AND c'],
  [bin('<', bin('+', ref('a'), ref('b')), ref('c')), 'a + b < c'],
  [bin('+', bin('<', ref('a'), ref('b')), ref('c')), '(a < b) + c'],
  [{ kind: 'call', name: 'METRICS', args: [{ kind: 'string', value: 'it"s' }] }, 'METRICS("it\\"s")'],
  [{ kind: 'number', value: 1e21 }, '1e+21'],
  [{ kind: 'number', value: 0.000001 }, '0.000001'],
];

for (const [tree, text] of trees) {
  test(`prints ${text} and parses it back`, () => {
    assert.equal(printMathExpression(tree), text);
    assert.deepEqual(parseMathExpression(text).ast, tree);
  });
}

test('positions point at each node in the original text', () => {
  const parsed = parseMathExpression('m1 + ABS( m2 )');
  const ast = parsed.ast;
  assert.equal(ast.kind, 'binary');
  if (ast.kind !== 'binary') return;
  assert.equal(parsed.positions.get(ast.left), 0);
  assert.equal(parsed.positions.get(ast.right), 5);
  const call = ast.right;
  assert.equal(call.kind === 'call' ? parsed.positions.get(call.args[0] as MathExpr) : -1, 10);
});

test('typographic quotes from AWS docs are accepted as a pair', () => {
  assert.deepEqual(parseMathExpression('SUM([METRICS(\u201c4xx\u201d)])').ast, parseMathExpression('SUM([METRICS("4xx")])').ast);
});
