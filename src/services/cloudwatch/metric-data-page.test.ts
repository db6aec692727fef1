import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isServiceError } from '../../kernel/index.js';
import { keptOutputsId, pageResults, type QueryOutput } from './metric-data-page.js';

const series = (timestamps: number[], values: number[]) => ({ label: 'x', timestamps, values });
const outputs: QueryOutput[] = [
  { id: 'a', label: 'A', series: series([1000, 2000, 3000], [1, 2, 3]), messages: [] },
  { id: 'b', label: 'B', series: series([1000, 2000], [10, 20]), messages: [{ code: 'ArithmeticError', value: 'dropped' }] },
];
const request = 'same request';

test('one page holds everything, newest first by default', () => {
  const page = pageResults(outputs, { ascending: false, maxDatapoints: 100, request });
  assert.deepEqual(page.MetricDataResults, [
    { Id: 'a', Label: 'A', Timestamps: [3, 2, 1], Values: [3, 2, 1], StatusCode: 'Complete' },
    { Id: 'b', Label: 'B', Timestamps: [2, 1], Values: [20, 10], StatusCode: 'Complete', Messages: [{ Code: 'ArithmeticError', Value: 'dropped' }] },
  ]);
  assert.equal(page.NextToken, undefined);
});

test('MaxDatapoints counts across results; the token continues where the page stopped', () => {
  const first = pageResults(outputs, { ascending: true, maxDatapoints: 2, request });
  assert.deepEqual(first.MetricDataResults?.map((r) => [r.Values, r.StatusCode]), [[[1, 2], 'PartialData'], [[], 'PartialData']]);
  const token = first.NextToken;
  assert.ok(token !== undefined);
  const second = pageResults(outputs, { ascending: true, maxDatapoints: 2, request, nextToken: token });
  assert.deepEqual(second.MetricDataResults?.map((r) => [r.Values, r.StatusCode]), [[[3], 'Complete'], [[10], 'PartialData']]);
  const third = pageResults(outputs, { ascending: true, maxDatapoints: 2, request, nextToken: second.NextToken ?? '' });
  assert.deepEqual(third.MetricDataResults?.map((r) => [r.Values, r.StatusCode]), [[[], 'Complete'], [[20], 'Complete']]);
  assert.equal(third.NextToken, undefined);
});

test('a token from another request, or a made-up one, is InvalidNextToken', () => {
  const token = pageResults(outputs, { ascending: true, maxDatapoints: 2, request }).NextToken ?? '';
  for (const nextToken of [token.slice(1), 'abc']) {
    assert.throws(() => pageResults(outputs, { ascending: true, maxDatapoints: 2, request, nextToken }), (e) => isServiceError(e) && e.queryCode === 'InvalidNextToken');
  }
  assert.throws(() => pageResults(outputs, { ascending: true, maxDatapoints: 2, request: 'other', nextToken: token }), (e) => isServiceError(e) && e.code === 'InvalidNextToken');
});

test('a page with more to come asks to keep the outputs, and its token names what was kept', () => {
  const asked: (readonly QueryOutput[])[] = [];
  const first = pageResults(outputs, { ascending: true, maxDatapoints: 2, request, keep: (all) => (asked.push(all), 'kept-1') });
  assert.deepEqual(asked, [outputs]);
  assert.equal(keptOutputsId(request, first.NextToken), 'kept-1');
  const last = pageResults(outputs, { ascending: true, maxDatapoints: 100, request, keep: () => assert.fail('nothing left to keep') });
  assert.equal(last.NextToken, undefined);
  const unkept = pageResults(outputs, { ascending: true, maxDatapoints: 2, request, keep: () => undefined });
  assert.equal(keptOutputsId(request, unkept.NextToken), undefined, 'a token still pages without a kept entry');
  assert.equal(keptOutputsId(request, undefined), undefined);
  assert.throws(() => keptOutputsId('other', first.NextToken), (e) => isServiceError(e) && e.code === 'InvalidNextToken');
});
