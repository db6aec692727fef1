import type { Operation } from '../../../kernel/index.js';
import type { BucketInput, EmptyOutput } from '../../../models/s3/index.js';
import { bucketNotEmpty, noSuchBucket } from '../errors.js';
import { ownedBucket } from '../owned-bucket.js';
import type { S3ServiceDeps } from '../s3-deps.js';

/** Deletes an empty bucket (204); a bucket with objects is BucketNotEmpty (409). */
export function deleteBucket(deps: S3ServiceDeps): Operation<BucketInput, EmptyOutput> {
  return async (input, ctx) => {
    await ownedBucket(deps.store, input, ctx);
    const outcome = await deps.store.deleteBucket(input.Bucket);
    if (outcome === 'not-empty') throw bucketNotEmpty(input.Bucket);
    if (outcome === 'missing') throw noSuchBucket(input.Bucket);
    return {};
  };
}
