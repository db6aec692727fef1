import type { Operation } from '../../../kernel/index.js';
import type { BucketInput, GetBucketPolicyOutput } from '../../../models/s3/index.js';
import { noSuchBucketPolicy } from '../errors.js';
import { ownedBucket } from '../owned-bucket.js';
import type { S3ServiceDeps } from '../s3-deps.js';

/** The policy text exactly as it was put; NoSuchBucketPolicy (404) when none is set. */
export function getBucketPolicy(deps: S3ServiceDeps): Operation<BucketInput, GetBucketPolicyOutput> {
  return async (input, ctx) => {
    const bucket = await ownedBucket(deps.store, input, ctx);
    if (bucket.policy === undefined) throw noSuchBucketPolicy(input.Bucket);
    return { Policy: bucket.policy };
  };
}
