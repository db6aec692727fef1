import { createHash } from 'node:crypto';
import { crc32 } from '@aws-crypto/crc32';
import { crc32c } from '@aws-crypto/crc32c';
import { crc64Nvme } from './crc64-nvme.js';
import type { S3ChecksumAlgorithm, S3Checksums } from '../../models/s3/index.js';

/** One flexible-checksum algorithm: its header, its input member, its digest size and how to compute it (base64). */
export interface ChecksumKind {
  readonly algorithm: S3ChecksumAlgorithm;
  readonly header: string;
  readonly member: keyof S3Checksums;
  readonly bytes: number;
  readonly compute: (data: Uint8Array) => string;
}

const fromUint32 = (value: number): string => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value >>> 0);
  return out.toString('base64');
};
const digest = (name: string) => (data: Uint8Array): string => createHash(name).update(data).digest('base64');

export const CHECKSUM_KINDS: readonly ChecksumKind[] = [
  { algorithm: 'CRC32', header: 'x-amz-checksum-crc32', member: 'ChecksumCRC32', bytes: 4, compute: (d) => fromUint32(crc32(d)) },
  { algorithm: 'CRC32C', header: 'x-amz-checksum-crc32c', member: 'ChecksumCRC32C', bytes: 4, compute: (d) => fromUint32(crc32c(d)) },
  { algorithm: 'CRC64NVME', header: 'x-amz-checksum-crc64nvme', member: 'ChecksumCRC64NVME', bytes: 8, compute: (d) => crc64Nvme(d).toString('base64') },
  { algorithm: 'SHA1', header: 'x-amz-checksum-sha1', member: 'ChecksumSHA1', bytes: 20, compute: digest('sha1') },
  { algorithm: 'SHA256', header: 'x-amz-checksum-sha256', member: 'ChecksumSHA256', bytes: 32, compute: digest('sha256') },
];

export const md5Base64 = digest('md5');

/** True when `text` is canonical base64 of exactly `bytes` bytes. */
export function isBase64Of(text: string, bytes: number): boolean {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return false;
  const decoded = Buffer.from(text, 'base64');
  return decoded.length === bytes && decoded.toString('base64') === text;
}
