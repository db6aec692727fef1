import { timingSafeEqual } from 'node:crypto';
import type { Caller } from '../kernel/index.js';
import type { WireRequest } from '../protocols/wire.js';
import { formatAmzDate, parseAmzDate, parseHttpDate } from './amz-date.js';
import type { AuthConfig } from './auth-config.js';
import {
  contentSha256Mismatch,
  incompleteSignature,
  invalidSignature,
  missingAuthenticationToken,
  unrecognizedClient,
} from './auth-errors.js';
import { BEARER_SIGNING_NAME, bearerCaller, bearerTokenOf } from './bearer-token.js';
import { checkRequestTime } from './check-request-time.js';
import { SIGNED_CHUNKS, verifyChunkSignatures } from './chunk-signatures.js';
import { expectedSignature } from './expected-signature.js';
import { claimedPayloadHash, declaredHashMismatches } from './payload-hash.js';
import { readSigV4Claim } from './read-sigv4-claim.js';
import { callerFor, permissiveKeyOwner, strictKeyEntry } from './resolve-caller.js';
import type { SigV4Claim } from './sigv4-claim.js';

export interface AuthenticatedCall {
  readonly caller: Caller;
  /** The credential scope's service: the SigV4 signing name that routes the call (`logs`, `monitoring`, ...). */
  readonly signingName: string;
}

/**
 * Authenticates a SigV4 request (Authorization header or presigned URL) and says who is calling.
 * The signature covers the bytes as sent: `request.rawBody` when the body was gzip-decoded, else `request.body`.
 * Throws `ServiceError` with AWS's JSON-protocol codes; `toQueryAuthError` re-spells them for awsQuery.
 */
export async function authenticate(request: WireRequest, config: AuthConfig, nowMs: number): Promise<AuthenticatedCall> {
  const bearer = bearerTokenOf(request.headers.authorization);
  if (bearer !== undefined) return { caller: bearerCaller(bearer, config), signingName: BEARER_SIGNING_NAME };
  const claim = readSigV4Claim(request);
  if (claim === undefined) throw missingAuthenticationToken();
  const { accessKeyId, region, service } = claim.scope;
  if (config.mode === 'permissive') {
    return { caller: callerFor(accessKeyId, permissiveKeyOwner(accessKeyId, config), region), signingName: service };
  }

  if (!claim.signedHeaders.includes('host') && !claim.signedHeaders.includes(':authority')) {
    throw incompleteSignature("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
  if (claim.securityToken !== undefined && !claim.securityTokenSigned) {
    throw incompleteSignature("'X-Amz-Security-Token' must be a 'SignedHeader' in the AWS Authorization.");
  }
  const requestTimeMs = parseRequestTime(claim);
  const entry = strictKeyEntry(accessKeyId, config);
  if (entry === undefined) throw unrecognizedClient();

  const longDate = formatAmzDate(requestTimeMs);
  if (claim.scope.date !== longDate.slice(0, 8)) {
    throw invalidSignature(
      'Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: ' +
        `'${claim.scope.date}' != '${longDate.slice(0, 8)}', from '${longDate}'.`,
    );
  }
  checkRequestTime(requestTimeMs, nowMs, claim.form === 'query' ? claim.expiresSeconds ?? 900 : undefined);

  const payloadHash = await claimedPayloadHash(request, claim);
  if (await declaredHashMismatches(payloadHash, request.rawBody ?? request.body)) {
    throw service === 's3' ? contentSha256Mismatch() : invalidSignature();
  }
  const expected = await expectedSignature({ request, claim, secretAccessKey: entry.secretAccessKey, requestTimeMs, payloadHash });
  if (!sameSignature(expected.signature, claim.signature)) {
    const detail = `canonical request:\n${expected.canonicalRequest}\n\nstring to sign:\n${expected.stringToSign}`;
    throw invalidSignature(undefined, new Error(detail));
  }
  if (payloadHash.startsWith(SIGNED_CHUNKS)) {
    verifyChunkSignatures({
      body: request.rawBody ?? request.body, seedSignature: claim.signature, secretAccessKey: entry.secretAccessKey, scope: claim.scope, amzDate: longDate,
    });
  }
  return { caller: callerFor(accessKeyId, entry, region), signingName: service };
}

function parseRequestTime(claim: SigV4Claim): number {
  const { text, source } = claim.requestTime;
  const ms = source === 'x-amz-date' ? parseAmzDate(text) : parseHttpDate(text);
  if (ms === undefined) {
    throw incompleteSignature(
      `Date must be in ISO-8601 'basic format'. Got '${text}'. See http://en.wikipedia.org/wiki/ISO_8601`,
    );
  }
  return ms;
}

/** Constant-time comparison, so response timing does not reveal how much of a guessed signature was right. */
function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
