import type { Operation } from '../../../kernel/index.js';
import type { BucketInput, HeadBucketOutput } from '../../../models/s3/index.js';
import { bucketArn, ownedBucket } from '../owned-bucket.js';
import type { S3ServiceDeps } from '../s3-deps.js';

export function headBucket(deps: S3ServiceDeps): Operation<BucketInput, HeadBucketOutput> {
  return async (input, ctx) => {
    const bucket = await ownedBucket(deps.store, input, ctx);
    return { BucketRegion: bucket.region, BucketArn: bucketArn(bucket.name) };
  };
}
