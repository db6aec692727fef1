import { createHash } from 'node:crypto';
import type { RequestContext } from '../../kernel/index.js';
import type { BucketInput, Owner } from '../../models/s3/index.js';
import type { BucketRecord, ObjectStore } from '../../storage/index.js';
import { accessDenied, noSuchBucket } from './errors.js';

/**
 * The bucket a request addresses, if the caller's account owns it (and is the owner the caller expects). Bucket names are global, so another account's
 * bucket exists but is not the caller's: S3 answers AccessDenied there (bucket policies are stored but not evaluated
 * for other accounts here [unconfirmed which grants AWS would honour]).
 */
export async function ownedBucket(store: ObjectStore, input: BucketInput, ctx: RequestContext): Promise<BucketRecord> {
  const bucket = await store.getBucket(input.Bucket);
  if (bucket === undefined) throw noSuchBucket(input.Bucket);
  if (bucket.accountId !== ctx.caller.accountId) throw accessDenied();
  // The caller's guard against writing into a bucket someone else re-created under the same name.
  if (input.ExpectedBucketOwner !== undefined && input.ExpectedBucketOwner !== bucket.accountId) throw accessDenied();
  return bucket;
}

/** S3 names owners by a 64-hex canonical user id; ours is derived from the account so it is stable. */
export function ownerOf(accountId: string): Owner {
  return { ID: createHash('sha256').update(`modelwatch-canonical-user:${accountId}`).digest('hex') };
}

export function bucketArn(name: string): string {
  return `arn:aws:s3:::${name}`;
}
