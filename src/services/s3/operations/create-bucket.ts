import type { Operation } from '../../../kernel/index.js';
import type { CreateBucketInput, CreateBucketOutput } from '../../../models/s3/index.js';
import { checkBucketName } from '../bucket-name.js';
import { bucketAlreadyExists, bucketAlreadyOwnedByYou, illegalLocationConstraint, invalidBucketAcl, invalidLocationConstraint } from '../errors.js';
import type { S3ServiceDeps } from '../s3-deps.js';

const US_EAST_1 = 'us-east-1';

/**
 * Creates a bucket in the region the request was signed for. As on S3, the body's LocationConstraint must name that
 * region (and must be omitted for us-east-1); re-creating your own bucket is a 409, except in us-east-1 where S3
 * keeps its legacy 200.
 */
export function createBucket(deps: S3ServiceDeps): Operation<CreateBucketInput, CreateBucketOutput> {
  return async (input, ctx) => {
    checkBucketName(input.Bucket);
    if ((input.ACL !== undefined && input.ACL !== 'private') || input.HasGrants === true) throw invalidBucketAcl();
    const region = ctx.caller.region;
    const constraint = input.LocationConstraint === '' ? undefined : input.LocationConstraint;
    if (region === US_EAST_1) {
      if (constraint !== undefined && constraint === US_EAST_1) throw invalidLocationConstraint(constraint);
      if (constraint !== undefined) throw illegalLocationConstraint(constraint);
    } else if (constraint !== region) {
      throw illegalLocationConstraint(constraint);
    }
    const { created, bucket } = await deps.store.createBucket({
      name: input.Bucket,
      accountId: ctx.caller.accountId,
      region,
      createdAt: ctx.clock.now(),
    });
    if (!created) {
      if (bucket.accountId !== ctx.caller.accountId) throw bucketAlreadyExists(input.Bucket);
      if (!(region === US_EAST_1 && bucket.region === US_EAST_1)) throw bucketAlreadyOwnedByYou(input.Bucket);
    }
    return { Location: `/${input.Bucket}` };
  };
}
