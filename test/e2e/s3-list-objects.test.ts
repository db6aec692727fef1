import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { expectAwsError } from './aws-assert.js';
import { startServer, type RunningServer } from './harness.js';
import { bucketName } from './s3-helpers.js';

// U+FF5E sorts before U+1F600 in UTF-8 (S3's order) but after it in UTF-16 (JavaScript's).
const KEYS = ['a/1', 'a/2', 'a/b/1', 'a/b/2', 'a/c/1', 'b', 'c d+e', 'z/\uFF5E', 'z/\u{1F600}'];

describe('ListObjectsV2 through @aws-sdk/client-s3', () => {
  let server: RunningServer;
  let s3: S3Client;
  let bucket: string;
  before(async () => {
    server = await startServer();
    s3 = server.s3();
    bucket = bucketName();
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    for (const key of [...KEYS].reverse()) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: key }));
  });
  after(() => server.stop());

  test('lists every key in UTF-8 binary order with size, ETag, storage class and KeyCount', async () => {
    const all = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
    assert.deepEqual(all.Contents?.map((c) => c.Key), KEYS);
    assert.equal(all.KeyCount, KEYS.length);
    assert.equal(all.IsTruncated, false);
    assert.equal(all.MaxKeys, 1000);
    assert.equal(all.Name, bucket);
    const first = all.Contents?.[0];
    assert.equal(first?.Size, 3);
    assert.match(first?.ETag ?? '', /^"[0-9a-f]{32}"$/);
    assert.equal(first?.StorageClass, 'STANDARD');
    assert.ok(first?.LastModified instanceof Date);
    assert.equal(first?.Owner, undefined, 'no owner unless fetch-owner');
  });

  test('prefix and delimiter roll keys up into CommonPrefixes', async () => {
    const top = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Delimiter: '/' }));
    assert.deepEqual(top.Contents?.map((c) => c.Key), ['b', 'c d+e']);
    assert.deepEqual(top.CommonPrefixes?.map((p) => p.Prefix), ['a/', 'z/']);
    assert.equal(top.KeyCount, 4);
    assert.equal(top.Delimiter, '/');
    const under = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'a/', Delimiter: '/' }));
    assert.deepEqual(under.Contents?.map((c) => c.Key), ['a/1', 'a/2']);
    assert.deepEqual(under.CommonPrefixes?.map((p) => p.Prefix), ['a/b/', 'a/c/']);
    assert.equal(under.Prefix, 'a/');
    const none = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'nothing/' }));
    assert.equal(none.KeyCount, 0);
    assert.equal(none.Contents, undefined);
  });

  test('max-keys pages with continuation tokens, counting common prefixes, until IsTruncated is false', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Delimiter: '/', Prefix: 'a/', MaxKeys: 1, ContinuationToken: token }));
      pages += 1;
      assert.equal(page.KeyCount, 1);
      seen.push(...(page.Contents ?? []).map((c) => c.Key ?? ''), ...(page.CommonPrefixes ?? []).map((p) => p.Prefix ?? ''));
      assert.equal(page.ContinuationToken, token);
      token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
      if (page.IsTruncated === true) assert.ok(token !== undefined);
    } while (token !== undefined && pages < 10);
    assert.deepEqual(seen, ['a/1', 'a/2', 'a/b/', 'a/c/']);
    await expectAwsError(s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: 'bogus' })), 'InvalidArgument', /continuation token/);
  });

  test('start-after, fetch-owner, max-keys=0 and invalid max-keys', async () => {
    const later = await s3.send(new ListObjectsV2Command({ Bucket: bucket, StartAfter: 'b' }));
    assert.deepEqual(later.Contents?.map((c) => c.Key), ['c d+e', 'z/\uFF5E', 'z/\u{1F600}']);
    assert.equal(later.StartAfter, 'b');
    const owned = await s3.send(new ListObjectsV2Command({ Bucket: bucket, FetchOwner: true, MaxKeys: 1 }));
    assert.match(owned.Contents?.[0]?.Owner?.ID ?? '', /^[0-9a-f]{64}$/);
    const zero = await s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 0 }));
    assert.equal(zero.KeyCount, 0);
    await expectAwsError(s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: -1 })), 'InvalidArgument');
    await expectAwsError(s3.send(new ListObjectsV2Command({ Bucket: bucketName('none') })), 'NoSuchBucket');
  });

  test('encoding-type=url percent-encodes keys and prefixes (the SDK leaves them encoded)', async () => {
    const encoded = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'c', EncodingType: 'url' }));
    assert.equal(encoded.EncodingType, 'url');
    assert.deepEqual(encoded.Contents?.map((c) => decodeURIComponent(c.Key ?? '')), ['c d+e']);
    assert.notEqual(encoded.Contents?.[0]?.Key, 'c d+e');
    await expectAwsError(s3.send(new ListObjectsV2Command({ Bucket: bucket, EncodingType: 'base64' as 'url' })), 'InvalidArgument', /Encoding/);
  });
});
