import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { ServiceError } from '../../kernel/index.js';
import type { DeleteObjectsInput, ListObjectsV2Output, PutObjectInput } from '../../models/s3/index.js';
import type { WireRequest } from '../wire.js';
import { createRestXmlCodec } from './rest-xml-codec.js';

const codec = createRestXmlCodec({ virtualHostSuffixes: ['localhost'] });

function wire(parts: Partial<WireRequest> & { method: string; path: string }): WireRequest {
  const rawQuery = parts.rawQuery ?? '';
  return { rawQuery, query: new URLSearchParams(rawQuery), headers: { host: '127.0.0.1:4580' }, body: Buffer.alloc(0), ...parts };
}

test('PutObject: content headers, user metadata, aws-chunked stripped from Content-Encoding, trailer checksum verified', () => {
  const call = codec.decode(wire({
    method: 'PUT', path: '/bucket/dir/a%20b.gz', rawQuery: 'x-id=PutObject',
    headers: {
      host: '127.0.0.1:4580', 'content-type': 'application/json', 'content-encoding': 'aws-chunked,gzip', 'cache-control': 'no-cache',
      'x-amz-meta-team': 'obs', 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', 'x-amz-trailer': 'x-amz-checksum-crc32',
      'x-amz-decoded-content-length': '5',
    },
    body: Buffer.from('5\r\nhello\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n\r\n'),
  }));
  assert.equal(call.operation, 'PutObject');
  const input = call.input as PutObjectInput;
  assert.equal(input.Bucket, 'bucket');
  assert.equal(input.Key, 'dir/a b.gz');
  assert.equal(Buffer.from(input.Body).toString(), 'hello');
  assert.equal(input.ContentType, 'application/json');
  assert.equal(input.ContentEncoding, 'gzip');
  assert.equal(input.CacheControl, 'no-cache');
  assert.deepEqual(input.Metadata, { team: 'obs' });
  assert.equal(input.ChecksumCRC32, 'NhCmhg==');
});

test('a declared trailer that is missing, or a decoded length that differs, is refused', () => {
  const base = { method: 'PUT', path: '/b/k', body: Buffer.from('5\r\nhello\r\n0\r\n\r\n') };
  assert.throws(() => codec.decode(wire({ ...base, headers: { 'content-encoding': 'aws-chunked', 'x-amz-trailer': 'x-amz-checksum-crc32' } })), { code: 'MalformedTrailerError' });
  assert.throws(() => codec.decode(wire({ ...base, headers: { 'content-encoding': 'aws-chunked', 'x-amz-decoded-content-length': '6' } })), { code: 'IncompleteBody' });
});

test('DeleteObjects parses the XML batch (keys kept exactly, entities decoded) and its Content-MD5', () => {
  const xml = '<?xml version="1.0"?><Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Object><Key> 007 </Key></Object>' +
    '<Object><Key>a&amp;b&lt;c</Key><VersionId>v1</VersionId></Object><Quiet>true</Quiet></Delete>';
  const md5 = createHash('md5').update(xml).digest('base64');
  const call = codec.decode(wire({ method: 'POST', path: '/bucket', rawQuery: 'delete', headers: { 'content-md5': md5 }, body: Buffer.from(xml) }));
  const input = call.input as DeleteObjectsInput;
  assert.deepEqual(input.Objects, [{ Key: ' 007 ' }, { Key: 'a&b<c', VersionId: 'v1' }]);
  assert.equal(input.Quiet, true);
  assert.equal(input.ContentMD5, md5);
  assert.throws(() => codec.decode(wire({ method: 'POST', path: '/bucket', rawQuery: 'delete', body: Buffer.from('<Delete><Object>') })), { code: 'MalformedXML' });
});

test('CreateBucket reads an optional LocationConstraint; the bucket may come from the Host header', () => {
  const body = Buffer.from('<CreateBucketConfiguration><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>');
  assert.deepEqual(codec.decode(wire({ method: 'PUT', path: '/', headers: { host: 'logs.localhost:4580' }, body })).input, {
    Bucket: 'logs', HasConfiguration: true, LocationConstraint: 'eu-west-1',
  });
  assert.deepEqual(codec.decode(wire({ method: 'PUT', path: '/b' })).input, { Bucket: 'b', HasConfiguration: false });
});

test('ListObjectsV2 renders S3’s XML: flattened Contents and CommonPrefixes, escaped text, ISO-8601 times', () => {
  const output: ListObjectsV2Output = {
    Name: 'b', Prefix: 'p/', Delimiter: '/', MaxKeys: 2, KeyCount: 2, IsTruncated: true, NextContinuationToken: 'tok',
    Contents: [{ Key: 'p/<a>&b', LastModified: Date.UTC(2026, 0, 2, 3, 4, 5), ETag: '"abc"', Size: 3, StorageClass: 'STANDARD' }],
    CommonPrefixes: ['p/q/'],
  };
  const response = codec.encodeOutput({ operation: 'ListObjectsV2', input: {} }, output, 'REQ1');
  assert.equal(response.status, 200);
  assert.equal(response.headers['content-type'], 'application/xml');
  assert.equal(response.headers['x-amz-request-id'], 'REQ1');
  assert.ok(response.headers['x-amz-id-2']);
  const xml = String(response.body);
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'));
  assert.ok(xml.includes('<Contents><Key>p/&lt;a&gt;&amp;b</Key><LastModified>2026-01-02T03:04:05.000Z</LastModified><ETag>&quot;abc&quot;</ETag><Size>3</Size><StorageClass>STANDARD</StorageClass></Contents>'));
  assert.ok(xml.includes('<CommonPrefixes><Prefix>p/q/</Prefix></CommonPrefixes>'));
  assert.ok(xml.includes('<IsTruncated>true</IsTruncated>') && xml.includes('<NextContinuationToken>tok</NextContinuationToken>'));
});

test('GetObject answers 206 for a range; HeadObject keeps the object’s Content-Length without a body', () => {
  const head = { ContentLength: 10, ETag: '"e"', LastModified: 0, Metadata: { a: '1' }, ContentType: 'text/plain' };
  const ranged = codec.encodeOutput({ operation: 'GetObject', input: {} }, { ...head, ContentLength: 2, ContentRange: 'bytes 0-1/10', Body: Buffer.from('ab') }, 'r');
  assert.equal(ranged.status, 206);
  assert.equal(ranged.headers['content-range'], 'bytes 0-1/10');
  const headed = codec.encodeOutput({ operation: 'HeadObject', input: {} }, head, 'r');
  assert.equal(headed.headers['content-length'], '10');
  assert.equal(headed.headers['x-amz-meta-a'], '1');
  assert.equal(headed.headers['last-modified'], 'Thu, 01 Jan 1970 00:00:00 GMT');
  assert.equal(headed.body, '');
});

test('errors are S3 XML with the extra members; HEAD errors have no body', () => {
  const error = new ServiceError('NoSuchKey', 'The specified key does not exist.', { httpStatus: 404, members: { Key: 'a&b' } });
  const response = codec.encodeError(error, 'REQ2', 'GetObject');
  assert.equal(response.status, 404);
  assert.match(String(response.body), /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>NoSuchKey<\/Code><Message>The specified key does not exist.<\/Message><Key>a&amp;b<\/Key><RequestId>REQ2<\/RequestId><HostId>[^<]+<\/HostId><\/Error>$/);
  const head = codec.encodeError(error, 'REQ3', 'HeadObject');
  assert.equal(head.status, 404);
  assert.equal(head.body, '');
  assert.equal(head.headers['x-amz-request-id'], 'REQ3');
});

test('headers asking for features not served are NotImplemented naming the header; allowed values pass', () => {
  const put = (headers: Record<string, string>) => codec.decode(wire({ method: 'PUT', path: '/b/k', headers }));
  assert.throws(() => put({ 'x-amz-copy-source': 'b/other' }), { code: 'NotImplemented', httpStatus: 501, members: { Header: 'x-amz-copy-source' } });
  assert.throws(() => put({ 'x-amz-storage-class': 'GLACIER' }), { code: 'NotImplemented' });
  assert.throws(() => put({ 'x-amz-server-side-encryption': 'aws:kms' }), { code: 'NotImplemented' });
  assert.equal(put({ 'x-amz-storage-class': 'STANDARD', 'x-amz-server-side-encryption': 'AES256' }).operation, 'PutObject');
});

test('response-* parameters decode into GetObject overrides', () => {
  const call = codec.decode(wire({ method: 'GET', path: '/b/k', rawQuery: 'response-content-type=text%2Fplain&response-expires=never' }));
  assert.deepEqual((call.input as { ResponseOverrides?: unknown }).ResponseOverrides, { ContentType: 'text/plain', Expires: 'never' });
});
