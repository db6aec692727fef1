import { ServiceError } from '../../../kernel/index.js';

/*
 * Bedrock control-plane errors of the logging-configuration operations (spec 1), body `{"message": ...}`.
 * "observed" texts were seen in real AWS answers; the others are the most plausible wording and marked unconfirmed.
 */

export function validationException(message: string, cause?: unknown): ServiceError {
  return new ServiceError('ValidationException', message, { httpStatus: 400, ...(cause === undefined ? {} : { cause }) });
}

/** observed */
export const logGroupPermissionFailure = (logGroupName: string, roleArn: string): ServiceError =>
  validationException(
    `Failed to validate permissions for log group: ${logGroupName}, with role: ${roleArn}. Verify the IAM role permissions are correct.`,
  );

/** observed prefix "Failed to validate permissions for ...bucket"; the rest is [unconfirmed]. */
export const bucketPermissionFailure = (bucketName: string, cause?: unknown): ServiceError =>
  validationException(
    `Failed to validate permissions for bucket: ${bucketName}. Verify the bucket exists in the same account and region and its bucket policy allows bedrock.amazonaws.com to write to it.`,
    cause,
  );

/** [unconfirmed] AWS's text for a configuration that names no destination. */
export const noDestination = (): ServiceError =>
  validationException('At least one logging destination must be specified: cloudWatchConfig or s3Config.');
