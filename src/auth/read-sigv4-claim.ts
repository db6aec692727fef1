import type { WireRequest } from '../protocols/wire.js';
import { parseAuthorizationHeader } from './parse-authorization-header.js';
import { splitCredential, type CredentialScope } from './parse-credential.js';
import { hasPresignedQuery, parsePresignedQuery } from './parse-presigned-query.js';
import { ALGORITHM, type SigV4Claim } from './sigv4-claim.js';

/**
 * The request's SigV4 claim in either form, or undefined when it carries none. The header form wins when both are
 * present, as it is the one SDKs send. Throws `IncompleteSignatureException` when a claim is malformed.
 */
export function readSigV4Claim(request: WireRequest): SigV4Claim | undefined {
  const header = request.headers['authorization'];
  if (header !== undefined && header.trim() !== '') return parseAuthorizationHeader(request, header);
  if (hasPresignedQuery(request)) return parsePresignedQuery(request);
  return undefined;
}

/**
 * The credential scope from the Authorization header or the presigned query, without any verification:
 * the router uses it to pick a service (the scope's `service` is the signing name) before authenticating.
 */
export function parseCredentialScope(request: Pick<WireRequest, 'headers' | 'query'>): CredentialScope | undefined {
  const header = request.headers['authorization'];
  let credential: string | undefined;
  if (header !== undefined && header.trimStart().startsWith(`${ALGORITHM} `)) {
    credential = /Credential=([^,\s]+)/.exec(header)?.[1];
  } else {
    credential = request.query.get('X-Amz-Credential') ?? undefined;
  }
  const parts = credential === undefined ? undefined : splitCredential(credential);
  if (parts === undefined) return undefined;
  const { accessKeyId, date, region, service } = parts;
  return { accessKeyId, date, region, service };
}
