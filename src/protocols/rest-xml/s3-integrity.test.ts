import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { crc64Nvme } from './crc64-nvme.js';
import { CHECKSUM_KINDS, isBase64Of } from './s3-checksums.js';
import { verifyBodyIntegrity } from './s3-integrity.js';

const body = Buffer.from('hello');

test('known checksum values of "hello" (CRC32, CRC32C, SHA1, SHA256), base64 as S3 sends them', () => {
  const expected: Record<string, string> = {
    CRC32: 'NhCmhg==',
    CRC32C: 'mnG7TA==',
    CRC64NVME: crc64Nvme(body).toString('base64'),
    SHA1: createHash('sha1').update(body).digest('base64'),
    SHA256: createHash('sha256').update(body).digest('base64'),
  };
  for (const kind of CHECKSUM_KINDS) assert.equal(kind.compute(body), expected[kind.algorithm], kind.algorithm);
});

test('verified claims come back by member name; nothing claimed is nothing checked', () => {
  assert.deepEqual(verifyBodyIntegrity(body, {}), {});
  const md5 = createHash('md5').update(body).digest('base64');
  assert.deepEqual(verifyBodyIntegrity(body, { 'content-md5': md5, 'x-amz-checksum-crc32': 'NhCmhg==' }), { ContentMD5: md5, ChecksumCRC32: 'NhCmhg==' });
});

test('S3’s errors: InvalidDigest / BadDigest for MD5, InvalidRequest / BadDigest for checksums, one checksum only', () => {
  assert.throws(() => verifyBodyIntegrity(body, { 'content-md5': 'abc' }), { code: 'InvalidDigest' });
  assert.throws(() => verifyBodyIntegrity(body, { 'content-md5': Buffer.alloc(16).toString('base64') }), { code: 'BadDigest' });
  assert.throws(() => verifyBodyIntegrity(body, { 'x-amz-checksum-crc32c': 'AAAAAA==' }), { code: 'BadDigest', message: 'The CRC32C you specified did not match the calculated checksum.' });
  assert.throws(() => verifyBodyIntegrity(body, { 'x-amz-checksum-sha1': 'NhCmhg==' }), { code: 'InvalidRequest', message: 'Value for x-amz-checksum-sha1 header is invalid.' });
  assert.throws(() => verifyBodyIntegrity(body, { 'x-amz-checksum-crc32': 'NhCmhg==', 'x-amz-checksum-crc32c': 'mnG7TA==' }), { code: 'InvalidRequest' });
});

test('base64 must be canonical and of the right length', () => {
  assert.equal(isBase64Of('NhCmhg==', 4), true);
  assert.equal(isBase64Of('NhCmhg', 4), false);
  assert.equal(isBase64Of('NhCmhg==', 5), false);
  assert.equal(isBase64Of('Nh!mhg==', 4), false);
});

test('an announced x-amz-sdk-checksum-algorithm needs its checksum', () => {
  assert.throws(() => verifyBodyIntegrity(body, { 'x-amz-sdk-checksum-algorithm': 'CRC32' }), { code: 'InvalidRequest', message: /x-amz-sdk-checksum-algorithm specified/ });
  assert.doesNotThrow(() => verifyBodyIntegrity(body, { 'x-amz-sdk-checksum-algorithm': 'crc32', 'x-amz-checksum-crc32': 'NhCmhg==' }));
});
