import type { Operation, ServiceDefinition } from '../../kernel/index.js';
import { createBucket } from './operations/create-bucket.js';
import { deleteBucketPolicy } from './operations/delete-bucket-policy.js';
import { deleteBucket } from './operations/delete-bucket.js';
import { deleteObject } from './operations/delete-object.js';
import { deleteObjects } from './operations/delete-objects.js';
import { getBucketLocation } from './operations/get-bucket-location.js';
import { getBucketPolicy } from './operations/get-bucket-policy.js';
import { getObject } from './operations/get-object.js';
import { headBucket } from './operations/head-bucket.js';
import { headObject } from './operations/head-object.js';
import { listBuckets } from './operations/list-buckets.js';
import { listObjectsV2 } from './operations/list-objects-v2.js';
import { putBucketPolicy } from './operations/put-bucket-policy.js';
import { putObject } from './operations/put-object.js';
import type { S3ServiceDeps } from './s3-deps.js';

/** S3 (signing name `s3`): the bucket and object operations Bedrock log delivery and its users need. */
export function createS3Service(deps: S3ServiceDeps): ServiceDefinition {
  const operations: ReadonlyArray<readonly [string, Operation<never, unknown>]> = [
    ['CreateBucket', createBucket(deps)],
    ['DeleteBucket', deleteBucket(deps)],
    ['HeadBucket', headBucket(deps)],
    ['ListBuckets', listBuckets(deps)],
    ['GetBucketLocation', getBucketLocation(deps)],
    ['PutBucketPolicy', putBucketPolicy(deps)],
    ['GetBucketPolicy', getBucketPolicy(deps)],
    ['DeleteBucketPolicy', deleteBucketPolicy(deps)],
    ['PutObject', putObject(deps)],
    ['GetObject', getObject(deps)],
    ['HeadObject', headObject(deps)],
    ['DeleteObject', deleteObject(deps)],
    ['DeleteObjects', deleteObjects(deps)],
    ['ListObjectsV2', listObjectsV2(deps)],
  ];
  return { signingName: 's3', operations: new Map(operations as ReadonlyArray<readonly [string, Operation]>) };
}
