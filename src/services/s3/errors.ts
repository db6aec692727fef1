import { ServiceError } from '../../kernel/index.js';

/** S3's errors for this subset, with S3's codes, statuses, texts and extra elements. */

export const noSuchBucket = (bucket: string): ServiceError =>
  new ServiceError('NoSuchBucket', 'The specified bucket does not exist', { httpStatus: 404, members: { BucketName: bucket } });

export const noSuchKey = (key: string): ServiceError =>
  new ServiceError('NoSuchKey', 'The specified key does not exist.', { httpStatus: 404, members: { Key: key } });

export const bucketNotEmpty = (bucket: string): ServiceError =>
  new ServiceError('BucketNotEmpty', 'The bucket you tried to delete is not empty', { httpStatus: 409, members: { BucketName: bucket } });

export const bucketAlreadyExists = (bucket: string): ServiceError =>
  new ServiceError(
    'BucketAlreadyExists',
    'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
    { httpStatus: 409, members: { BucketName: bucket } },
  );

export const bucketAlreadyOwnedByYou = (bucket: string): ServiceError =>
  new ServiceError('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', {
    httpStatus: 409,
    members: { BucketName: bucket },
  });

export const invalidBucketName = (bucket: string): ServiceError =>
  new ServiceError('InvalidBucketName', 'The specified bucket is not valid.', { members: { BucketName: bucket } });

export const illegalLocationConstraint = (constraint: string | undefined): ServiceError =>
  new ServiceError(
    'IllegalLocationConstraintException',
    `The ${constraint ?? 'unspecified'} location constraint is incompatible for the region specific endpoint this request was sent to.`,
  );

export const invalidLocationConstraint = (constraint: string): ServiceError =>
  new ServiceError('InvalidLocationConstraint', 'The specified location-constraint is not valid', { members: { LocationConstraint: constraint } });

export const invalidRange = (range: string, size: number): ServiceError =>
  new ServiceError('InvalidRange', 'The requested range is not satisfiable', {
    httpStatus: 416,
    members: { RangeRequested: range, ActualObjectSize: size },
  });

export const malformedPolicy = (message: string): ServiceError => new ServiceError('MalformedPolicy', message);

export const noSuchBucketPolicy = (bucket: string): ServiceError =>
  new ServiceError('NoSuchBucketPolicy', 'The bucket policy does not exist', { httpStatus: 404, members: { BucketName: bucket } });

export const invalidArgument = (message: string, name: string, value: string): ServiceError =>
  new ServiceError('InvalidArgument', message, { members: { ArgumentName: name, ArgumentValue: value } });

export const invalidRequest = (message: string): ServiceError => new ServiceError('InvalidRequest', message);

export const malformedXml = (): ServiceError =>
  new ServiceError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema');

export const accessDenied = (): ServiceError => new ServiceError('AccessDenied', 'Access Denied', { httpStatus: 403 });

export const keyTooLong = (): ServiceError => new ServiceError('KeyTooLongError', 'Your key is too long', { members: { MaxSizeAllowed: 1024 } });

export const metadataTooLarge = (): ServiceError =>
  new ServiceError('MetadataTooLarge', 'Your metadata headers exceed the maximum allowed metadata size', { members: { MaxSizeAllowed: 2048 } });

/** Ours, never the client's: S3's 500. */
export const internalError = (): ServiceError =>
  new ServiceError('InternalError', 'We encountered an internal error. Please try again.', { fault: 'server', httpStatus: 500 });

/** New buckets enforce bucket-owner object ownership (S3's default since April 2023), so ACLs other than private fail. */
export const invalidBucketAcl = (): ServiceError =>
  new ServiceError('InvalidBucketAclWithObjectOwnership', "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting");

export const aclNotSupported = (): ServiceError => new ServiceError('AccessControlListNotSupported', 'The bucket does not allow ACLs');
