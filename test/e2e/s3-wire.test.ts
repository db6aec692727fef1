import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  CreateBucketCommand,
  GetBucketTaggingCommand,
  GetObjectCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { expectAwsError } from './aws-assert.js';
import { REGION, TEST_CREDENTIALS, startServer, type RunningServer } from './harness.js';
import { bucketName, drain, expectServerError, loopbackAgent } from './s3-helpers.js';
import { assertS3Error, s3Signer, sendPrepared, sendS3, sha256Hex } from './s3-raw.js';

describe('S3 wire: virtual hosts, presigned URLs, signed chunks, NotImplemented, auth errors', () => {
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

  test('the SDK in virtual-host style (forcePathStyle false, bucket.localhost) reaches the same buckets', async () => {
    const virtual = server.s3({
      forcePathStyle: false,
      endpoint: `http://localhost:${server.port}`,
      extra: { requestHandler: { httpAgent: loopbackAgent() } },
    });
    const hosts: string[] = [];
    virtual.middlewareStack.add(
      (next) => async (args) => {
        hosts.push((args.request as { hostname?: string }).hostname ?? '');
        return next(args);
      },
      { step: 'finalizeRequest' },
    );
    await virtual.send(new PutObjectCommand({ Bucket: bucket, Key: 'vhost/key.txt', Body: 'via virtual host' }));
    assert.deepEqual(hosts, [`${bucket}.localhost`], 'the SDK really addressed the bucket by host name');
    assert.equal(await drain((await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'vhost/key.txt' }))).Body), 'via virtual host');
    const listed = await virtual.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'vhost/' }));
    assert.deepEqual(listed.Contents?.map((c) => c.Key), ['vhost/key.txt']);
    const other = bucketName('vhost');
    await virtual.send(new CreateBucketCommand({ Bucket: other }));
    await s3.send(new PutObjectCommand({ Bucket: other, Key: 'k', Body: 'v' }));
    assert.equal(await drain((await virtual.send(new GetObjectCommand({ Bucket: other, Key: 'k' }))).Body), 'v');
  });

  test('a hand-signed request with Host <bucket>.s3.localhost addresses the bucket', async () => {
    const put = await sendS3(server.endpoint, { method: 'PUT', path: '/raw%20key', host: `${bucket}.s3.localhost:${server.port}`, body: 'raw' });
    assert.equal(put.status, 200, put.body);
    assert.equal(await drain((await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'raw key' }))).Body), 'raw');
  });

  test('presigned PUT and GET URLs (signed with @smithy/signature-v4 presign) work, and expire', async () => {
    const host = new URL(server.endpoint).host;
    const signer = s3Signer();
    const presign = async (method: string, key: string, expiresIn = 300, signingDate = new Date()) => {
      const signed = await signer.presign(
        { method, protocol: 'http:', hostname: '127.0.0.1', port: server.port, path: `/${bucket}/${key}`, query: {},
          // As @aws-sdk/s3-request-presigner does: the payload is unsigned, and the header is hoisted into the query.
          headers: { host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } },
        { expiresIn, signingDate },
      );
      return `${server.endpoint}${signed.path}?${new URLSearchParams(signed.query as Record<string, string>).toString()}`;
    };
    const put = await fetch(await presign('PUT', 'presigned.txt'), { method: 'PUT', body: 'presigned body' });
    assert.equal(put.status, 200, await put.text());
    assert.match(put.headers.get('etag') ?? '', /^"[0-9a-f]{32}"$/);
    const get = await fetch(await presign('GET', 'presigned.txt'));
    assert.equal(get.status, 200);
    assert.equal(await get.text(), 'presigned body');
    const expired = await fetch(await presign('GET', 'presigned.txt', 60, new Date(Date.now() - 3_600_000)));
    assertS3Error({ status: expired.status, headers: Object.fromEntries(expired.headers), body: await expired.text() }, 403, 'AccessDenied');
  });

  test('a STREAMING-AWS4-HMAC-SHA256-PAYLOAD upload is verified chunk by chunk and decoded', async () => {
    const chunks = [Buffer.alloc(8192, 'x'), Buffer.from('tail')];
    const decodedLength = chunks.reduce((n, c) => n + c.length, 0);
    const send = async (tamper: boolean) => {
      const date = new Date();
      const path = `/${bucket}/chunk-signed.bin`;
      const signed = await s3Signer().sign(
        {
          method: 'PUT', protocol: 'http:', hostname: '127.0.0.1', path, query: {},
          headers: {
            host: new URL(server.endpoint).host, 'content-encoding': 'aws-chunked', 'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
            'x-amz-decoded-content-length': String(decodedLength), 'content-type': 'application/octet-stream',
          },
        },
        { signingDate: date },
      );
      const auth = signed.headers['authorization'] ?? '';
      let previous = /Signature=([0-9a-f]{64})/.exec(auth)?.[1] ?? '';
      const amzDate = signed.headers['x-amz-date'] ?? '';
      const scope = `${amzDate.slice(0, 8)}/${REGION}/s3/aws4_request`;
      const key = ['AWS4' + TEST_CREDENTIALS.secretAccessKey, amzDate.slice(0, 8), REGION, 's3', 'aws4_request']
        .reduce<Buffer | string>((k, part, i) => (i === 0 ? part : createHmac('sha256', k).update(part).digest()), '');
      const frames = [...chunks, Buffer.alloc(0)].map((data) => {
        const signature = createHmac('sha256', key).update(['AWS4-HMAC-SHA256-PAYLOAD', amzDate, scope, previous, sha256Hex(''), sha256Hex(data)].join('\n')).digest('hex');
        previous = signature;
        const payload = tamper && data.length === 4 ? Buffer.from('TAIL') : data;
        return Buffer.concat([Buffer.from(`${data.length.toString(16)};chunk-signature=${signature}\r\n`), payload, Buffer.from('\r\n')]);
      });
      return sendPrepared(server.endpoint, { method: 'PUT', path, headers: signed.headers, body: Buffer.concat(frames) });
    };
    const ok = await send(false);
    assert.equal(ok.status, 200, ok.body);
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'chunk-signed.bin' }));
    assert.deepEqual(Buffer.from(await got.Body!.transformToByteArray()), Buffer.concat(chunks));
    assert.equal(got.ContentEncoding, undefined);
    assertS3Error(await send(true), 403, 'SignatureDoesNotMatch');
  });

  test('operations outside the subset answer NotImplemented (501), never a fake success', async () => {
    await expectServerError(s3.send(new GetBucketTaggingCommand({ Bucket: bucket })), 'NotImplemented', 501);
    await expectServerError(s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } })), 'NotImplemented', 501);
    await expectServerError(s3.send(new ListObjectsCommand({ Bucket: bucket })), 'NotImplemented', 501);
    const raw = await sendS3(server.endpoint, { method: 'GET', path: `/${bucket}`, query: { acl: '' } });
    assert.equal(raw.status, 501);
    assert.match(raw.body, /<Code>NotImplemented<\/Code>/);
  });

  test('DeleteObjects needs Content-MD5 or a checksum, verifies it, and rejects malformed XML', async () => {
    const xml = `<Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Object><Key>a</Key></Object></Delete>`;
    const path = `/${bucket}`;
    assertS3Error(await sendS3(server.endpoint, { method: 'POST', path, query: { delete: '' }, body: xml }), 400, 'InvalidRequest');
    const wrongMd5 = await sendS3(server.endpoint, { method: 'POST', path, query: { delete: '' }, body: xml, headers: { 'content-md5': '1B2M2Y8AsgTpgAmY7PhCfg==' } });
    assertS3Error(wrongMd5, 400, 'BadDigest');
    const md5 = createHash('md5').update('<Delete><Object>').digest('base64');
    assertS3Error(await sendS3(server.endpoint, { method: 'POST', path, query: { delete: '' }, body: '<Delete><Object>', headers: { 'content-md5': md5 } }), 400, 'MalformedXML');
  });

  test('auth failures use S3’s codes: SignatureDoesNotMatch, InvalidAccessKeyId (403)', async () => {
    const wrongSecret = server.s3({ credentials: { accessKeyId: 'test', secretAccessKey: 'not-the-secret' } });
    const bad = await expectAwsError(wrongSecret.send(new ListObjectsV2Command({ Bucket: bucket })), 'SignatureDoesNotMatch');
    assert.equal(bad.$metadata?.httpStatusCode, 403);
    const unknown = server.s3({ credentials: { accessKeyId: 'AKIANOSUCHKEY0000000', secretAccessKey: 'x' } });
    await expectAwsError(unknown.send(new ListObjectsV2Command({ Bucket: bucket })), 'InvalidAccessKeyId');
  });

  test('SigV2 requests (header or presigned URL) get S3’s “use AWS4-HMAC-SHA256” InvalidRequest, in XML', async () => {
    const header = await sendS3(server.endpoint, { method: 'GET', path: `/${bucket}/k`, sign: false, headers: { authorization: 'AWS test:c2lnbmF0dXJl' } });
    assertS3Error(header, 400, 'InvalidRequest');
    assert.match(header.body, /Please use AWS4-HMAC-SHA256/);
    const url = await sendS3(server.endpoint, { method: 'GET', path: `/${bucket}/k`, sign: false, query: { AWSAccessKeyId: 'test', Signature: 'abc', Expires: '9999999999' } });
    assertS3Error(url, 400, 'InvalidRequest');
  });

  test('a body over the 16 MiB request limit is S3’s EntityTooLarge, in S3’s XML', async () => {
    const big = Buffer.alloc(16 * 1024 * 1024 + 1, 'x');
    const res = await sendS3(server.endpoint, { method: 'PUT', path: `/${bucket}/too-big`, body: big, contentSha256: 'UNSIGNED-PAYLOAD' });
    assertS3Error(res, 400, 'EntityTooLarge');
    assert.match(res.body, /<MaxSizeAllowed>16777216<\/MaxSizeAllowed>/);
    await expectAwsError(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'too-big' })), 'NoSuchKey');
  });

  test('every answer carries x-amz-request-id and x-amz-id-2; errors are S3 XML naming the same request', async () => {
    const ok = await sendS3(server.endpoint, { method: 'HEAD', path: `/${bucket}` });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers['x-amz-bucket-region'], 'us-east-1');
    assert.ok(ok.headers['x-amz-request-id'] && ok.headers['x-amz-id-2']);
    const missing = await sendS3(server.endpoint, { method: 'GET', path: `/${bucket}/no/such/key` });
    assertS3Error(missing, 404, 'NoSuchKey');
    assert.match(missing.body, /<Key>no\/such\/key<\/Key>/);
    const headMissing = await sendS3(server.endpoint, { method: 'HEAD', path: `/${bucketName('nobucket')}` });
    assert.equal(headMissing.status, 404);
    assert.equal(headMissing.body, '');
  });
});
