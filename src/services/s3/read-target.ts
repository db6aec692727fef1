import type { RequestContext } from '../../kernel/index.js';
import type { GetObjectInput } from '../../models/s3/index.js';
import type { ByteRange, ObjectRecord } from '../../storage/index.js';
import { resolveByteRange } from './byte-range.js';
import { noSuchKey } from './errors.js';
import { ownedBucket } from './owned-bucket.js';
import { checkReadPreconditions } from './read-preconditions.js';
import type { S3ServiceDeps } from './s3-deps.js';

/**
 * What GetObject and HeadObject both establish before answering: the caller owns the bucket, the key exists, the
 * conditional headers hold, and the byte range (if any) fits the object.
 */
export async function readTarget(deps: S3ServiceDeps, input: GetObjectInput, ctx: RequestContext): Promise<{ head: ObjectRecord; range: ByteRange | undefined }> {
  await ownedBucket(deps.store, input, ctx);
  const head = await deps.store.headObject(input.Bucket, input.Key);
  if (head === undefined) throw noSuchKey(input.Key);
  checkReadPreconditions(input, head);
  return { head, range: resolveByteRange(input.Range, head.size) };
}
