import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GetObjectInput } from '../../models/s3/index.js';
import type { ObjectRecord } from '../../storage/index.js';
import { checkReadPreconditions } from './read-preconditions.js';

const record: ObjectRecord = {
  bucket: 'b', key: 'k', size: 1, etag: '"abc"', lastModified: Date.UTC(2026, 0, 2, 3, 4, 5, 678), metadata: {}, checksums: {},
};
const check = (conditions: Partial<GetObjectInput>) => () => checkReadPreconditions({ Bucket: 'b', Key: 'k', ...conditions }, record);
const AT = 'Fri, 02 Jan 2026 03:04:05 GMT';
const BEFORE = 'Fri, 02 Jan 2026 03:04:04 GMT';

test('If-Match: the ETag (quoted or not, in a list, or *) passes; another is 412', () => {
  assert.doesNotThrow(check({ IfMatch: '"abc"' }));
  assert.doesNotThrow(check({ IfMatch: 'xyz, abc' }));
  assert.doesNotThrow(check({ IfMatch: '*' }));
  assert.throws(check({ IfMatch: '"xyz"' }), { code: 'PreconditionFailed', httpStatus: 412 });
});

test('If-None-Match: the ETag is 304 Not Modified; another passes', () => {
  assert.throws(check({ IfNoneMatch: '"abc"' }), { code: 'NotModified', httpStatus: 304 });
  assert.doesNotThrow(check({ IfNoneMatch: '"xyz"' }));
});

test('dates compare at second precision; If-Match and If-None-Match take precedence over them', () => {
  assert.throws(check({ IfModifiedSince: AT }), { code: 'NotModified' });
  assert.doesNotThrow(check({ IfModifiedSince: BEFORE }));
  assert.doesNotThrow(check({ IfUnmodifiedSince: AT }));
  assert.throws(check({ IfUnmodifiedSince: BEFORE }), { code: 'PreconditionFailed' });
  assert.doesNotThrow(check({ IfMatch: '"abc"', IfUnmodifiedSince: BEFORE }));
  assert.doesNotThrow(check({ IfNoneMatch: '"xyz"', IfModifiedSince: AT }));
  assert.doesNotThrow(check({ IfModifiedSince: 'not a date' }));
});
