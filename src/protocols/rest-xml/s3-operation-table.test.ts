import assert from 'node:assert/strict';
import { test } from 'node:test';
import { S3_OPERATIONS, matchS3Operation } from './s3-operation-table.js';
import type { S3Target } from './s3-request-target.js';

const service: S3Target = { kind: 'service' };
const bucket: S3Target = { kind: 'bucket', bucket: 'b' };
const object: S3Target = { kind: 'object', bucket: 'b', key: 'k' };
const op = (method: string, target: S3Target, query = ''): string => matchS3Operation(method, target, new URLSearchParams(query)).operation;

test('method + target + sub-resource pick each operation of the table', () => {
  assert.equal(op('GET', service), 'ListBuckets');
  assert.equal(op('GET', service, 'max-buckets=5&prefix=a'), 'ListBuckets');
  assert.equal(op('PUT', bucket), 'CreateBucket');
  assert.equal(op('HEAD', bucket), 'HeadBucket');
  assert.equal(op('DELETE', bucket), 'DeleteBucket');
  assert.equal(op('GET', bucket, 'location'), 'GetBucketLocation');
  assert.equal(op('GET', bucket, 'list-type=2&prefix=a&delimiter=%2F&max-keys=3&start-after=x&encoding-type=url&fetch-owner=true'), 'ListObjectsV2');
  assert.equal(op('POST', bucket, 'delete'), 'DeleteObjects');
  assert.equal(op('PUT', bucket, 'policy'), 'PutBucketPolicy');
  assert.equal(op('GET', bucket, 'policy'), 'GetBucketPolicy');
  assert.equal(op('DELETE', bucket, 'policy'), 'DeleteBucketPolicy');
  assert.equal(op('PUT', object), 'PutObject');
  assert.equal(op('GET', object), 'GetObject');
  assert.equal(op('HEAD', object), 'HeadObject');
  assert.equal(op('DELETE', object), 'DeleteObject');
  assert.equal(new Set(S3_OPERATIONS.map((r) => r.operation)).size, S3_OPERATIONS.length, 'one row per operation');
});

test('the SDK’s x-id hint and presigning parameters never change the operation', () => {
  assert.equal(op('GET', object, 'x-id=GetObject'), 'GetObject');
  assert.equal(op('GET', object, 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=a&X-Amz-Signature=s'), 'GetObject');
  assert.equal(op('PUT', object, 'x-id=PutObject&X-Amz-Expires=60'), 'PutObject');
});

test('unknown sub-resources, ListObjects v1 and stray parameters are NotImplemented (501)', () => {
  for (const [method, target, query] of [
    ['GET', bucket, 'tagging'], ['PUT', bucket, 'versioning'], ['GET', bucket, ''], ['GET', bucket, 'list-type=1'],
    ['POST', object, 'uploads'], ['PUT', object, 'partNumber=1&uploadId=u'], ['GET', object, 'acl'], ['POST', bucket, ''],
    ['PATCH', object, ''], ['GET', bucket, 'list-type=2&versions'],
  ] as const) {
    assert.throws(() => op(method, target, query), { code: 'NotImplemented', httpStatus: 501 }, `${method} ${target.kind} ?${query}`);
  }
});
