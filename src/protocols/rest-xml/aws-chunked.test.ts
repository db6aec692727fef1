import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeAwsChunked } from './aws-chunked.js';

test('unsigned chunks with a trailing checksum, as the JS SDK sends STREAMING-UNSIGNED-PAYLOAD-TRAILER', () => {
  const body = Buffer.from('5\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n');
  const decoded = decodeAwsChunked(body);
  assert.equal(decoded.payload.toString(), 'hello world');
  assert.deepEqual(decoded.trailers, { 'x-amz-checksum-crc32': 'DUoRhQ==' });
  assert.deepEqual(decoded.chunkSignatures, []);
});

test('signed chunks keep their signatures, and binary data containing CRLF survives', () => {
  const sig = 'a'.repeat(64);
  const data = Buffer.from([0x0d, 0x0a, 0x00, 0xff, 0x0d, 0x0a]);
  const body = Buffer.concat([Buffer.from(`6;chunk-signature=${sig}\r\n`), data, Buffer.from(`\r\n0;chunk-signature=${sig}\r\n\r\n`)]);
  const decoded = decodeAwsChunked(body);
  assert.deepEqual(decoded.payload, data);
  assert.deepEqual(decoded.chunkSignatures, [sig, sig]);
  assert.deepEqual(decoded.trailers, {});
});

test('an empty upload is a lone final chunk', () => {
  assert.equal(decodeAwsChunked(Buffer.from('0\r\n\r\n')).payload.length, 0);
});

test('truncated, oversized or garbled framing is IncompleteBody', () => {
  for (const broken of ['5\r\nhel', 'zz\r\nhello\r\n0\r\n\r\n', '5\r\nhelloXX0\r\n\r\n', '5\r\nhello\r\n', '0\r\nno-colon-trailer\r\n\r\n']) {
    assert.throws(() => decodeAwsChunked(Buffer.from(broken)), { code: 'IncompleteBody' }, JSON.stringify(broken));
  }
});
