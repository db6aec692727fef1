import type { Operation } from '../../../kernel/index.js';
import type { BucketInput, GetBucketLocationOutput } from '../../../models/s3/index.js';
import { ownedBucket } from '../owned-bucket.js';
import type { S3ServiceDeps } from '../s3-deps.js';

/** S3 reports us-east-1 as an empty LocationConstraint, every other region by name. */
export function getBucketLocation(deps: S3ServiceDeps): Operation<BucketInput, GetBucketLocationOutput> {
  return async (input, ctx) => {
    const bucket = await ownedBucket(deps.store, input, ctx);
    return { LocationConstraint: bucket.region === 'us-east-1' ? '' : bucket.region };
  };
}
