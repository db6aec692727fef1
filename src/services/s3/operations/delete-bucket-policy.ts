import type { Operation } from '../../../kernel/index.js';
import type { BucketInput, EmptyOutput } from '../../../models/s3/index.js';
import { ownedBucket } from '../owned-bucket.js';
import type { S3ServiceDeps } from '../s3-deps.js';

/** Deleting a policy that is not there is still a 204, as on S3. */
export function deleteBucketPolicy(deps: S3ServiceDeps): Operation<BucketInput, EmptyOutput> {
  return async (input, ctx) => {
    await ownedBucket(deps.store, input, ctx);
    await deps.store.setBucketPolicy(input.Bucket, undefined);
    return {};
  };
}
