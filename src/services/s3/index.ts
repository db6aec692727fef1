export { createS3Service } from './create-s3-service.js';
export type { S3ServiceDeps } from './s3-deps.js';
export { internalError as s3InternalError } from './errors.js';
export { checkBucketName } from './bucket-name.js';
