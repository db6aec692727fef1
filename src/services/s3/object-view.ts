import type { GetObjectInput, HeadObjectOutput, S3Checksums } from '../../models/s3/index.js';
import type { ObjectChecksums, ObjectRecord } from '../../storage/index.js';

/** S3's Content-Type for an object stored without one. */
export const DEFAULT_CONTENT_TYPE = 'binary/octet-stream';

export function toWireChecksums(checksums: ObjectChecksums): S3Checksums {
  return {
    ...(checksums.crc32 === undefined ? {} : { ChecksumCRC32: checksums.crc32 }),
    ...(checksums.crc32c === undefined ? {} : { ChecksumCRC32C: checksums.crc32c }),
    ...(checksums.crc64nvme === undefined ? {} : { ChecksumCRC64NVME: checksums.crc64nvme }),
    ...(checksums.sha1 === undefined ? {} : { ChecksumSHA1: checksums.sha1 }),
    ...(checksums.sha256 === undefined ? {} : { ChecksumSHA256: checksums.sha256 }),
  };
}

export function fromWireChecksums(checksums: S3Checksums): ObjectChecksums {
  return {
    ...(checksums.ChecksumCRC32 === undefined ? {} : { crc32: checksums.ChecksumCRC32 }),
    ...(checksums.ChecksumCRC32C === undefined ? {} : { crc32c: checksums.ChecksumCRC32C }),
    ...(checksums.ChecksumCRC64NVME === undefined ? {} : { crc64nvme: checksums.ChecksumCRC64NVME }),
    ...(checksums.ChecksumSHA1 === undefined ? {} : { sha1: checksums.ChecksumSHA1 }),
    ...(checksums.ChecksumSHA256 === undefined ? {} : { sha256: checksums.ChecksumSHA256 }),
  };
}

/**
 * GET/HEAD output for a stored object: checksums only when the client asked (`x-amz-checksum-mode: ENABLED`) and
 * the whole object is read, and `response-*` overrides in place of the stored headers.
 */
export function objectView(record: ObjectRecord, input: GetObjectInput, fullRead: boolean): HeadObjectOutput {
  const withChecksums = input.ChecksumMode === 'ENABLED' && fullRead;
  const optional = (name: string, value: string | undefined): Record<string, string> => (value === undefined ? {} : { [name]: value });
  return {
    ContentLength: record.size,
    ETag: record.etag,
    LastModified: record.lastModified,
    Metadata: record.metadata,
    ContentType: record.contentType ?? DEFAULT_CONTENT_TYPE,
    ServerSideEncryption: 'AES256',
    ...optional('ContentEncoding', record.contentEncoding),
    ...optional('CacheControl', record.cacheControl),
    ...optional('ContentDisposition', record.contentDisposition),
    ...optional('ContentLanguage', record.contentLanguage),
    ...optional('Expires', record.expires),
    ...(withChecksums ? toWireChecksums(record.checksums) : {}),
    ...input.ResponseOverrides,
  };
}
