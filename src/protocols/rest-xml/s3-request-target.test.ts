import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WireRequest } from '../wire.js';
import { resolveS3Target } from './s3-request-target.js';

const SUFFIXES = ['localhost', 's3.localhost'];
const at = (path: string, host = '127.0.0.1:4580') => {
  const request: WireRequest = { method: 'GET', path, rawQuery: '', query: new URLSearchParams(), headers: { host }, body: Buffer.alloc(0) };
  return resolveS3Target(request, SUFFIXES);
};

test('path style: the first segment is the bucket, the rest (percent-decoded, slashes kept) the key', () => {
  assert.deepEqual(at('/'), { kind: 'service' });
  assert.deepEqual(at('/bucket'), { kind: 'bucket', bucket: 'bucket' });
  assert.deepEqual(at('/bucket/'), { kind: 'bucket', bucket: 'bucket' });
  assert.deepEqual(at('/bucket/a/b%20c/%E2%98%83+x'), { kind: 'object', bucket: 'bucket', key: 'a/b c/☃+x' });
  assert.deepEqual(at('/bucket/dir//double'), { kind: 'object', bucket: 'bucket', key: 'dir//double' });
  assert.deepEqual(at('/bucket', 'localhost:4580'), { kind: 'bucket', bucket: 'bucket' }, 'a bare endpoint host is path style');
  assert.deepEqual(at('/bucket', 's3.localhost'), { kind: 'bucket', bucket: 'bucket' });
});

test('virtual-host style: the bucket is the Host label before an endpoint host, longest suffix first', () => {
  assert.deepEqual(at('/', 'logs.localhost:4580'), { kind: 'bucket', bucket: 'logs' });
  assert.deepEqual(at('/a/b.json', 'logs.localhost:4580'), { kind: 'object', bucket: 'logs', key: 'a/b.json' });
  assert.deepEqual(at('/k', 'my.dotted.bucket.s3.localhost'), { kind: 'object', bucket: 'my.dotted.bucket', key: 'k' });
  assert.deepEqual(at('/k', 'B.LOCALHOST:1'), { kind: 'object', bucket: 'b', key: 'k' }, 'host names are case-insensitive');
  assert.deepEqual(at('/x/k', 'example.com'), { kind: 'object', bucket: 'x', key: 'k' }, 'other hosts are path style');
});

test('a malformed percent-escape is InvalidURI', () => {
  assert.throws(() => at('/bucket/%E2%98'), { code: 'InvalidURI' });
});
