import { ServiceError } from '../../kernel/index.js';

/**
 * Authentication fails with JSON-protocol codes (src/auth); S3 names and statuses them its own way. Texts are S3's;
 * where S3's exact choice is not documented the mapping is marked [unconfirmed].
 */
export function toS3AuthError(error: ServiceError): ServiceError {
  const s3 = (code: string, message: string, httpStatus: number): ServiceError =>
    new ServiceError(code, message, { httpStatus, cause: error.cause ?? error });
  switch (error.code) {
    case 'MissingAuthenticationTokenException':
      // [unconfirmed] an anonymous request to a bucket without a public policy.
      return s3('AccessDenied', 'Access Denied', 403);
    case 'IncompleteSignatureException':
      return s3('AuthorizationHeaderMalformed', error.message, 400);
    case 'UnrecognizedClientException':
      return s3('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403);
    case 'InvalidSignatureException':
      if (error.message.startsWith('Signature expired')) {
        return s3('AccessDenied', 'Request has expired', 403);
      }
      if (error.message.startsWith('Signature not yet current')) {
        return s3('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', 403);
      }
      return s3('SignatureDoesNotMatch', error.message, 403);
    default:
      return error;
  }
}
