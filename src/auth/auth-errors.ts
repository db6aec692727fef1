import { ServiceError } from '../kernel/index.js';

/**
 * The authentication failures AWS's JSON services return, with their exact texts. All are HTTP 400 on the JSON
 * protocols; `queryCode` carries the awsQuery spelling (see `toQueryAuthError` for the query statuses).
 */

export function missingAuthenticationToken(): ServiceError {
  return new ServiceError('MissingAuthenticationTokenException', 'Request is missing Authentication Token', {
    queryCode: 'MissingAuthenticationToken',
  });
}

export function incompleteSignature(message: string): ServiceError {
  return new ServiceError('IncompleteSignatureException', message, { queryCode: 'IncompleteSignature' });
}

export function unrecognizedClient(): ServiceError {
  return new ServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.', {
    queryCode: 'InvalidClientTokenId',
  });
}

export const SIGNATURE_MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. ' +
  'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/** `cause` keeps the canonical request for the server log; clients only see AWS's text. */
export function invalidSignature(message: string = SIGNATURE_MISMATCH_MESSAGE, cause?: unknown): ServiceError {
  return new ServiceError('InvalidSignatureException', message, { queryCode: 'SignatureDoesNotMatch', cause });
}

/** S3 checks a hex `x-amz-content-sha256` against the body it received. */
export function contentSha256Mismatch(): ServiceError {
  return new ServiceError(
    'XAmzContentSHA256Mismatch',
    "The provided 'x-amz-content-sha256' header does not match what was computed.",
  );
}
