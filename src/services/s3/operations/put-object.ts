import type { Operation } from '../../../kernel/index.js';
import type { PutObjectInput, PutObjectOutput } from '../../../models/s3/index.js';
import { MissingBucketError } from '../../../storage/index.js';
import { aclNotSupported, keyTooLong, metadataTooLarge, noSuchBucket } from '../errors.js';
import { fromWireChecksums, toWireChecksums } from '../object-view.js';
import { ownedBucket } from '../owned-bucket.js';
import type { S3ServiceDeps } from '../s3-deps.js';

const MAX_KEY_BYTES = 1024;
const MAX_METADATA_BYTES = 2048;
/** The canned ACLs a bucket-owner-enforced bucket still accepts, as no-ops. */
const OWNER_ACLS = new Set(['private', 'bucket-owner-full-control']);

/**
 * Stores an object with its content headers, user metadata and the checksum the client sent (already verified by
 * the wire); answers its ETag (quoted hex MD5) and echoes that checksum.
 */
export function putObject(deps: S3ServiceDeps): Operation<PutObjectInput, PutObjectOutput> {
  return async (input, ctx) => {
    await ownedBucket(deps.store, input, ctx);
    if (Buffer.byteLength(input.Key, 'utf8') > MAX_KEY_BYTES) throw keyTooLong();
    if ((input.ACL !== undefined && !OWNER_ACLS.has(input.ACL)) || input.HasGrants === true) throw aclNotSupported();
    const metadataBytes = Object.entries(input.Metadata).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
    if (metadataBytes > MAX_METADATA_BYTES) throw metadataTooLarge();
    const checksums = fromWireChecksums(input);
    try {
      const record = await deps.store.putObject({
        bucket: input.Bucket,
        key: input.Key,
        body: input.Body,
        metadata: input.Metadata,
        checksums,
        lastModified: ctx.clock.now(),
        ...(input.ContentType === undefined ? {} : { contentType: input.ContentType }),
        ...(input.ContentEncoding === undefined ? {} : { contentEncoding: input.ContentEncoding }),
        ...(input.CacheControl === undefined ? {} : { cacheControl: input.CacheControl }),
        ...(input.ContentDisposition === undefined ? {} : { contentDisposition: input.ContentDisposition }),
        ...(input.ContentLanguage === undefined ? {} : { contentLanguage: input.ContentLanguage }),
        ...(input.Expires === undefined ? {} : { expires: input.Expires }),
      });
      return { ETag: record.etag, ServerSideEncryption: 'AES256', ...toWireChecksums(record.checksums) };
    } catch (error) {
      if (error instanceof MissingBucketError) throw noSuchBucket(input.Bucket);
      throw error;
    }
  };
}
