import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc64Nvme } from './crc64-nvme.js';

test('CRC-64/NVME check value of "123456789" and of the empty input', () => {
  assert.equal(crc64Nvme(Buffer.from('123456789')).toString('hex'), 'ae8b14860a799888');
  assert.equal(crc64Nvme(new Uint8Array()).toString('hex'), '0000000000000000');
});
