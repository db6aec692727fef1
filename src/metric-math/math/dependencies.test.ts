import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MetricMathError, evaluationOrder, parseMathExpression, referencedIds } from '../index.js';

const ids = (text: string, metricIds: string[] = []): readonly string[] => referencedIds(parseMathExpression(text).ast, metricIds);

test('referencedIds lists direct references in first-use order, once each', () => {
  assert.deepEqual(ids('e1 - MIN(e1) + m2 * FILL(m1, m2)'), ['e1', 'm2', 'm1']);
  assert.deepEqual(ids('IF(m1 > 2 AND [m2, m3] != 0, m4)'), ['m1', 'm2', 'm3', 'm4']);
});

test('METRICS() expands to the metric Ids it selects; SEARCH and literals add nothing', () => {
  const metricIds = ['errors_a', 'requests', 'errors_b'];
  assert.deepEqual(ids('SUM(METRICS())', metricIds), metricIds);
  assert.deepEqual(ids('SUM(METRICS("errors")) / SUM(METRICS("requests"))', metricIds), ['errors_a', 'errors_b', 'requests']);
  assert.deepEqual(ids("SUM(SEARCH('{AWS/EC2,InstanceId} cpu', 'Average', 300)) * 2", metricIds), []);
  assert.deepEqual(ids('FILL(m1, REPEAT)', metricIds), ['m1']);
});

test('evaluationOrder puts every query after the queries it reads and keeps request order otherwise', () => {
  const order = evaluationOrder([
    { id: 'e2', dependsOn: ['e1', 'm2'] },
    { id: 'm1', dependsOn: [] },
    { id: 'e1', dependsOn: ['m1'] },
    { id: 'm2', dependsOn: [] },
  ]);
  assert.deepEqual(order, ['m1', 'e1', 'm2', 'e2']);
});

test('evaluationOrder names the Ids of a cycle', () => {
  assert.throws(
    () =>
      evaluationOrder([
        { id: 'm1', dependsOn: [] },
        { id: 'e1', dependsOn: ['e2'] },
        { id: 'e2', dependsOn: ['m1', 'e3'] },
        { id: 'e3', dependsOn: ['e1'] },
      ]),
    (error: unknown) =>
      error instanceof MetricMathError &&
      error.kind === 'validation' &&
      error.message === 'Circular dependency between queries: e1 -> e2 -> e3 -> e1',
  );
  assert.throws(() => evaluationOrder([{ id: 'e1', dependsOn: ['e1'] }]), /Circular dependency between queries: e1 -> e1/);
});

test('evaluationOrder refuses a reference to an Id that is not in the request', () => {
  assert.throws(
    () => evaluationOrder([{ id: 'e1', dependsOn: ['m9'] }]),
    /Expression e1 refers to "m9", which is not the Id of a query in the request/,
  );
});
