import type { Operation } from '../../../kernel/index.js';
import type { DeleteObjectsInput, DeleteObjectsOutput } from '../../../models/s3/index.js';
import { invalidRequest, malformedXml } from '../errors.js';
import { ownedBucket } from '../owned-bucket.js';
import type { S3ServiceDeps } from '../s3-deps.js';

const MAX_KEYS = 1000;

/**
 * Deletes up to 1,000 keys. S3 insists on an integrity header for this call (Content-MD5 or an x-amz-checksum-*,
 * verified by the wire); Quiet mode reports only the failures.
 */
export function deleteObjects(deps: S3ServiceDeps): Operation<DeleteObjectsInput, DeleteObjectsOutput> {
  return async (input, ctx) => {
    const hasIntegrity =
      input.ContentMD5 !== undefined || input.ChecksumCRC32 !== undefined || input.ChecksumCRC32C !== undefined || input.ChecksumCRC64NVME !== undefined ||
      input.ChecksumSHA1 !== undefined || input.ChecksumSHA256 !== undefined;
    // [unconfirmed] newer S3 texts also name the checksum headers.
    if (!hasIntegrity) throw invalidRequest('Missing required header for this request: Content-MD5');
    if (input.Objects.length === 0 || input.Objects.length > MAX_KEYS) throw malformedXml();
    await ownedBucket(deps.store, input, ctx);
    const deleted: Array<{ Key: string }> = [];
    for (const { Key } of input.Objects) {
      await deps.store.deleteObject(input.Bucket, Key);
      deleted.push({ Key });
    }
    return { Deleted: input.Quiet ? [] : deleted, Errors: [] };
  };
}
