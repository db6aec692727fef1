import { ServiceError } from '../../kernel/index.js';

/** awsQuery spells the SigV4 failures differently from the JSON protocols, and answers most of them with 403. */
const QUERY_AUTH_ERRORS: ReadonlyMap<string, { readonly code: string; readonly httpStatus: number }> = new Map([
  ['MissingAuthenticationTokenException', { code: 'MissingAuthenticationToken', httpStatus: 403 }],
  ['IncompleteSignatureException', { code: 'IncompleteSignature', httpStatus: 400 }],
  ['UnrecognizedClientException', { code: 'InvalidClientTokenId', httpStatus: 403 }],
  ['InvalidSignatureException', { code: 'SignatureDoesNotMatch', httpStatus: 403 }],
]);

/** Maps an authentication error (as `src/auth` throws it) to its awsQuery code and status; others pass through. */
export function toQueryAuthError(e: ServiceError): ServiceError {
  const mapped = QUERY_AUTH_ERRORS.get(e.code);
  if (mapped === undefined) return e;
  return new ServiceError(mapped.code, e.message, {
    httpStatus: mapped.httpStatus,
    fault: e.fault,
    members: e.members,
    queryCode: mapped.code,
    cause: e.cause,
  });
}
