import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveByteRange } from './byte-range.js';

test('bytes=a-b, a- and -n resolve against the size, clamping the end', () => {
  assert.deepEqual(resolveByteRange('bytes=2-5', 10), { first: 2, last: 5 });
  assert.deepEqual(resolveByteRange('bytes=7-', 10), { first: 7, last: 9 });
  assert.deepEqual(resolveByteRange('bytes=-3', 10), { first: 7, last: 9 });
  assert.deepEqual(resolveByteRange('bytes=-30', 10), { first: 0, last: 9 });
  assert.deepEqual(resolveByteRange('bytes=8-100', 10), { first: 8, last: 9 });
});

test('no header, an unparseable one or several ranges read the whole object', () => {
  for (const header of [undefined, 'items=1-2', 'bytes=1-2,4-5', 'bytes=-', 'bytes=5-2']) assert.equal(resolveByteRange(header, 10), undefined);
});

test('a range starting at or past the end is InvalidRange (416) with the object size', () => {
  assert.throws(() => resolveByteRange('bytes=10-20', 10), { code: 'InvalidRange', httpStatus: 416, members: { RangeRequested: 'bytes=10-20', ActualObjectSize: 10 } });
  assert.throws(() => resolveByteRange('bytes=-0', 10), { code: 'InvalidRange' });
  assert.throws(() => resolveByteRange('bytes=0-1', 0), { code: 'InvalidRange' });
});
