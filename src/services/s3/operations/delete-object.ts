import type { Operation } from '../../../kernel/index.js';
import type { EmptyOutput, ObjectInput } from '../../../models/s3/index.js';
import { ownedBucket } from '../owned-bucket.js';
import type { S3ServiceDeps } from '../s3-deps.js';

/** 204 whether or not the key existed, as on an unversioned S3 bucket; the bucket must exist. */
export function deleteObject(deps: S3ServiceDeps): Operation<ObjectInput, EmptyOutput> {
  return async (input, ctx) => {
    await ownedBucket(deps.store, input, ctx);
    await deps.store.deleteObject(input.Bucket, input.Key);
    return {};
  };
}
