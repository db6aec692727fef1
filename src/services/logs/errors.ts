import { ServiceError } from '../../kernel/index.js';

/*
 * CloudWatch Logs errors with AWS's texts. Texts marked "observed" were captured from real AWS responses
 * (AWS-validated test snapshots or users' error reports); the others follow AWS's wording style but are unconfirmed.
 */

export function invalidParameter(message: string): ServiceError {
  return new ServiceError('InvalidParameterException', message);
}

export function validationException(message: string): ServiceError {
  return new ServiceError('ValidationException', message);
}

export function resourceNotFound(message: string): ServiceError {
  return new ServiceError('ResourceNotFoundException', message);
}

/** observed */
export const logGroupNotFound = (): ServiceError => resourceNotFound('The specified log group does not exist.');
/** observed */
export const logStreamNotFound = (): ServiceError => resourceNotFound('The specified log stream does not exist.');
export const metricFilterNotFound = (): ServiceError => resourceNotFound('The specified metric filter does not exist.');
export const resourceArnNotFound = (): ServiceError => resourceNotFound('The specified resource does not exist.');

/** observed (no trailing period, unlike the not-found texts) */
export const logGroupAlreadyExists = (): ServiceError =>
  new ServiceError('ResourceAlreadyExistsException', 'The specified log group already exists');
/** observed */
export const logStreamAlreadyExists = (): ServiceError =>
  new ServiceError('ResourceAlreadyExistsException', 'The specified log stream already exists');

/** observed */
export const invalidNextToken = (): ServiceError => invalidParameter('The specified nextToken is invalid.');

/** observed: AWS answers an over-long name with this text instead of the generic length message. */
export const nameTooLong = (): ServiceError =>
  invalidParameter('Invalid LogGroup or LogStream, both must have length less than or equal to 512.');

/** observed */
export const reservedLogGroupName = (): ServiceError => invalidParameter('Log groups starting with AWS/ are reserved for AWS.');

/** observed (DescribeLogStreams; used for every operation taking both members) */
export const groupNameAndArnExclusive = (): ServiceError =>
  validationException('LogGroup name and LogGroup ARN are mutually exclusive parameters.');

export const groupNameOrArnRequired = (): ServiceError =>
  invalidParameter('Either logGroupName or logGroupIdentifier must be specified.');

/** observed */
export const deletionProtected = (): ServiceError =>
  validationException('Cannot delete log group with deletion protection enabled. Disable deletion protection first.');

export const streamDeletionProtected = (): ServiceError =>
  validationException('Cannot delete log stream in a log group with deletion protection enabled. Disable deletion protection first.');

export function limitExceeded(message = 'Resource limit exceeded.'): ServiceError {
  return new ServiceError('LimitExceededException', message);
}

export function tooManyTags(resourceName: string): ServiceError {
  return new ServiceError('TooManyTagsException', 'A resource can have no more than 50 tags.', { members: { resourceName } });
}
