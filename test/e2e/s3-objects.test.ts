import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { crc32 } from '@aws-crypto/crc32';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { expectAwsError } from './aws-assert.js';
import { startServer, type RunningServer } from './harness.js';
import { bucketName, drain, expectServerError } from './s3-helpers.js';
import { assertS3Error, sendS3 } from './s3-raw.js';

describe('S3 objects through @aws-sdk/client-s3', () => {
  let server: RunningServer;
  let s3: S3Client;
  let bucket: string;
  before(async () => {
    server = await startServer();
    s3 = server.s3();
    bucket = bucketName();
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  });
  after(() => server.stop());

  test('PutObject stores content headers and metadata; GetObject returns them all with the quoted-MD5 ETag', async () => {
    const put = await s3.send(new PutObjectCommand({
      Bucket: bucket, Key: 'docs/report.json', Body: '{"ok":true}', ContentType: 'application/json', ContentEncoding: 'identity',
      CacheControl: 'max-age=60', ContentDisposition: 'attachment; filename="r.json"', ContentLanguage: 'en', Metadata: { team: 'obs', 'run-id': '42' },
    }));
    assert.equal(put.ETag, `"${createHash('md5').update('{"ok":true}').digest('hex')}"`);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.from('{"ok":true}')));
    assert.equal(put.ChecksumCRC32, crc.toString('base64'), 'the SDK’s default CRC32 is verified and echoed');
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'docs/report.json' }));
    assert.equal(await drain(got.Body), '{"ok":true}');
    assert.equal(got.ContentType, 'application/json');
    assert.equal(got.ContentEncoding, 'identity');
    assert.equal(got.CacheControl, 'max-age=60');
    assert.equal(got.ContentDisposition, 'attachment; filename="r.json"');
    assert.equal(got.ContentLanguage, 'en');
    assert.equal(got.ContentLength, 11);
    assert.equal(got.ETag, put.ETag);
    assert.equal(got.AcceptRanges, 'bytes');
    assert.deepEqual(got.Metadata, { team: 'obs', 'run-id': '42' });
    assert.ok(got.LastModified instanceof Date && Math.abs(got.LastModified.getTime() - Date.now()) < 60_000);
    assert.equal(got.ChecksumCRC32, put.ChecksumCRC32, 'checksum-mode ENABLED (the SDK default) returns the stored checksum');
    assert.equal(put.ServerSideEncryption, 'AES256');
    assert.equal(got.ServerSideEncryption, 'AES256');
  });

  test('an object stored without Content-Type reads back as binary/octet-stream; a gzip Content-Encoding is stored, not applied', async () => {
    const gz = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'logs.json.gz', Body: gz, ContentEncoding: 'gzip' }));
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'logs.json.gz' }));
    assert.equal(head.ContentEncoding, 'gzip');
    assert.equal(head.ContentLength, gz.length);
    const raw = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'logs.json.gz' }));
    assert.deepEqual(Buffer.from(await raw.Body!.transformToByteArray()), gz);
    // The SDK always sends a Content-Type, so the default needs a hand-signed request without one.
    const plain = await sendS3(server.endpoint, { method: 'PUT', path: `/${bucket}/plain`, body: Buffer.from([1, 2, 3]) });
    assert.equal(plain.status, 200, plain.body);
    assert.equal((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'plain' }))).ContentType, 'binary/octet-stream');
  });

  test('Range reads answer 206 with Content-Range; a range past the end is InvalidRange (416)', async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'digits', Body: '0123456789' }));
    const mid = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'digits', Range: 'bytes=2-5' }));
    assert.equal(mid.$metadata.httpStatusCode, 206);
    assert.equal(mid.ContentRange, 'bytes 2-5/10');
    assert.equal(mid.ContentLength, 4);
    assert.equal(await drain(mid.Body), '2345');
    assert.equal(await drain((await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'digits', Range: 'bytes=7-' }))).Body), '789');
    assert.equal(await drain((await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'digits', Range: 'bytes=-3' }))).Body), '789');
    assert.equal(await drain((await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'digits', Range: 'bytes=8-100' }))).Body), '89');
    const bad = await expectAwsError(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'digits', Range: 'bytes=10-20' })), 'InvalidRange');
    assert.equal(bad.$metadata?.httpStatusCode, 416);
    assert.equal(bad['ActualObjectSize'], '10');
  });

  test('NoSuchKey (404) for GetObject, NotFound for HeadObject, NoSuchBucket for a missing bucket', async () => {
    const missing = await expectAwsError(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'nope/x' })), 'NoSuchKey', /The specified key does not exist\./);
    assert.equal(missing.$metadata?.httpStatusCode, 404);
    assert.equal(missing['Key'], 'nope/x');
    await expectAwsError(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'nope/x' })), 'NotFound');
    await expectAwsError(s3.send(new PutObjectCommand({ Bucket: bucketName('none'), Key: 'k', Body: 'x' })), 'NoSuchBucket');
    await expectAwsError(s3.send(new GetObjectCommand({ Bucket: bucketName('none'), Key: 'k' })), 'NoSuchBucket');
  });

  test('a wrong Content-MD5 is BadDigest, a malformed one InvalidDigest, a wrong checksum BadDigest, a malformed one InvalidRequest', async () => {
    await expectAwsError(s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'abc', ContentMD5: Buffer.alloc(16).toString('base64') })), 'BadDigest', /Content-MD5/);
    await expectAwsError(s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'abc', ContentMD5: 'not-md5' })), 'InvalidDigest');
    await expectAwsError(s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'abc', ChecksumCRC32: 'AAAAAA==' })), 'BadDigest', /CRC32 you specified did not match/);
    await expectAwsError(s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'abc', ChecksumSHA256: 'short' })), 'InvalidRequest', /x-amz-checksum-sha256/);
    await expectAwsError(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'k' })), 'NotFound', undefined);
  });

  test('CRC32C, SHA1 and SHA256 checksums are verified, stored and returned in checksum mode', async () => {
    for (const algorithm of ['CRC32C', 'SHA1', 'SHA256'] as const) {
      const key = `sum-${algorithm}`;
      const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'checksummed', ChecksumAlgorithm: algorithm }));
      const member = `Checksum${algorithm}` as const;
      assert.ok(put[member], `${algorithm} echoed`);
      const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, ChecksumMode: 'ENABLED' }));
      assert.equal(got[member], put[member]);
      assert.equal(await drain(got.Body), 'checksummed');
    }
  });

  test('a CRC64NVME checksum (header set by hand: the JS SDK needs the CRT for it) is verified, stored and returned', async () => {
    const body = Buffer.from('123456789');
    const good = Buffer.from('ae8b14860a799888', 'hex').toString('base64');
    const put = await sendS3(server.endpoint, { method: 'PUT', path: `/${bucket}/crc64`, body, headers: { 'x-amz-checksum-crc64nvme': good } });
    assert.equal(put.status, 200, put.body);
    assert.equal(put.headers['x-amz-checksum-crc64nvme'], good);
    const head = await sendS3(server.endpoint, { method: 'HEAD', path: `/${bucket}/crc64`, headers: { 'x-amz-checksum-mode': 'ENABLED' } });
    assert.equal(head.headers['x-amz-checksum-crc64nvme'], good);
    const bad = await sendS3(server.endpoint, { method: 'PUT', path: `/${bucket}/crc64`, body, headers: { 'x-amz-checksum-crc64nvme': Buffer.alloc(8).toString('base64') } });
    assertS3Error(bad, 400, 'BadDigest');
  });

  test('a stream body is sent aws-chunked (STREAMING-UNSIGNED-PAYLOAD-TRAILER) with a trailing CRC32, decoded and verified', async () => {
    const parts = [Buffer.alloc(70_000, 'a'), Buffer.from('-middle-'), Buffer.alloc(30_000, 'z')];
    // The SDK needs the length of a stream for x-amz-decoded-content-length; it cannot send one of unknown length.
    const ContentLength = parts.reduce((n, p) => n + p.length, 0);
    const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'streamed.bin', Body: Readable.from(parts), ContentLength }));
    assert.ok(put.ChecksumCRC32, 'the trailer checksum is echoed');
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'streamed.bin' }));
    assert.deepEqual(Buffer.from(await got.Body!.transformToByteArray()), Buffer.concat(parts));
    assert.equal(got.ChecksumCRC32, put.ChecksumCRC32);
    assert.equal(got.ContentEncoding, undefined, 'aws-chunked is a transfer coding, not stored');
  });

  test('DeleteObject is 204 even for a missing key; DeleteObjects reports each key, Quiet reports none', async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'del/1', Body: '1' }));
    assert.equal((await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'del/1' }))).$metadata.httpStatusCode, 204);
    assert.equal((await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'del/never' }))).$metadata.httpStatusCode, 204);
    for (const key of ['del/a', 'del/b', 'del/&<special>']) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: key }));
    const loud = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: [{ Key: 'del/a' }, { Key: 'del/&<special>' }, { Key: 'del/ghost' }] } }));
    assert.deepEqual(loud.Deleted?.map((d) => d.Key), ['del/a', 'del/&<special>', 'del/ghost']);
    assert.equal(loud.Errors, undefined);
    const quiet = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: [{ Key: 'del/b' }], Quiet: true } }));
    assert.equal(quiet.Deleted, undefined);
    await expectAwsError(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'del/b' })), 'NotFound');
    await expectAwsError(s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: [] } })), 'MalformedXML');
  });

  test('response-* query parameters override the stored headers for one GET (presigned-download style)', async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'report.csv', Body: 'a,b', ContentType: 'text/csv' }));
    const got = await s3.send(new GetObjectCommand({
      Bucket: bucket, Key: 'report.csv', ResponseContentType: 'application/octet-stream', ResponseContentDisposition: 'attachment; filename="r.csv"',
      ResponseCacheControl: 'no-store',
    }));
    assert.equal(got.ContentType, 'application/octet-stream');
    assert.equal(got.ContentDisposition, 'attachment; filename="r.csv"');
    assert.equal(got.CacheControl, 'no-store');
    assert.equal((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'report.csv' }))).ContentType, 'text/csv', 'stored header unchanged');
  });

  test('ACLs follow bucket-owner-enforced ownership; headers for features not served are NotImplemented, not ignored', async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'acl-ok', Body: 'x', ACL: 'bucket-owner-full-control' }));
    await expectAwsError(s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'acl-bad', Body: 'x', ACL: 'public-read' })), 'AccessControlListNotSupported');
    await expectAwsError(s3.send(new CreateBucketCommand({ Bucket: bucketName('acl'), ACL: 'public-read' })), 'InvalidBucketAclWithObjectOwnership');
    await expectServerError(s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'tagged', Body: 'x', Tagging: 'a=b' })), 'NotImplemented', 501);
    await expectServerError(s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'cold', Body: 'x', StorageClass: 'GLACIER' })), 'NotImplemented', 501);
    await expectServerError(s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'copy', CopySource: `${bucket}/acl-ok` })), 'NotImplemented', 501);
    await expectAwsError(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'copy' })), 'NotFound');
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'sse', Body: 'x', ServerSideEncryption: 'AES256', StorageClass: 'STANDARD' }));
  });

  test('conditional reads: If-Match 412, If-None-Match and If-Modified-Since 304', async () => {
    const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'conditional', Body: 'c' }));
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'conditional' }));
    assert.equal(await drain((await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'conditional', IfMatch: put.ETag }))).Body), 'c');
    const failed = await expectAwsError(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'conditional', IfMatch: '"0000"' })), 'PreconditionFailed');
    assert.equal(failed.$metadata?.httpStatusCode, 412);
    const status = (call: Promise<unknown>) => call.then(() => 200, (error: { $metadata?: { httpStatusCode?: number } }) => error.$metadata?.httpStatusCode);
    assert.equal(await status(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'conditional', IfNoneMatch: put.ETag }))), 304);
    assert.equal(await status(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'conditional', IfModifiedSince: head.LastModified }))), 304);
    assert.equal(await status(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'conditional', IfMatch: '"0000"' }))), 412);
    assert.equal(await status(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'conditional', IfModifiedSince: new Date(0) }))), 200);
  });

  test('keys keep every character: spaces, plus signs, unicode, percent signs, dots', async () => {
    for (const key of ['a b+c', 'ünïcødé/☃.txt', '100%/done', './x/../y', 'emoji-\u{1F600}']) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: key }));
      assert.equal(await drain((await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body), key);
    }
  });
});
