import type { WireRequest } from '../protocols/wire.js';
import { incompleteSignature } from './auth-errors.js';
import { parseCredential } from './parse-credential.js';
import { ALGORITHM, type SigV4Claim } from './sigv4-claim.js';

/** A week: the longest a SigV4 presigned URL may live (the signing key is valid for seven days). */
const MAX_EXPIRES_SECONDS = 604_800;

/** True when the query string carries SigV4 presigning parameters. */
export function hasPresignedQuery(request: WireRequest): boolean {
  const q = request.query;
  return q.has('X-Amz-Algorithm') || q.has('X-Amz-Credential') || q.has('X-Amz-Signature');
}

/** Parses the presigned form: `X-Amz-Algorithm`, `-Credential`, `-Date`, `-SignedHeaders`, `-Signature`, `-Expires`. */
export function parsePresignedQuery(request: WireRequest): SigV4Claim {
  const q = request.query;
  const algorithm = q.get('X-Amz-Algorithm');
  const credential = q.get('X-Amz-Credential');
  const date = q.get('X-Amz-Date');
  const signedHeaders = q.get('X-Amz-SignedHeaders');
  const signature = q.get('X-Amz-Signature');
  const required: ReadonlyArray<readonly [string, string | null]> = [
    ['X-Amz-Algorithm', algorithm],
    ['X-Amz-Credential', credential],
    ['X-Amz-Signature', signature],
    ['X-Amz-SignedHeaders', signedHeaders],
    ['X-Amz-Date', date],
  ];
  const missing = required.filter(([, value]) => !value).map(([name]) => name);
  if (missing.length > 0 || !algorithm || !credential || !signature || !signedHeaders || !date) {
    const sentences = missing.map((name) => `AWS query-string parameters must include '${name}'.`);
    throw incompleteSignature(`${sentences.join(' ')} Re-examine the query-string parameters.`);
  }
  if (algorithm !== ALGORITHM) throw incompleteSignature(`Unsupported AWS 'algorithm': '${algorithm}'`);

  const securityToken = q.get('X-Amz-Security-Token') ?? undefined;
  return {
    form: 'query',
    scope: parseCredential(credential),
    signedHeaders: signedHeaders.split(';').map((h) => h.toLowerCase()),
    signature,
    requestTime: { text: date, source: 'x-amz-date' },
    expiresSeconds: parseExpires(q.get('X-Amz-Expires')),
    securityToken,
    // Every query parameter except the signature is part of the canonical request.
    securityTokenSigned: true,
  };
}

function parseExpires(text: string | null): number | undefined {
  if (text === null) return undefined;
  if (!/^\d+$/.test(text)) throw incompleteSignature(`X-Amz-Expires should be a number, not '${text}'.`);
  const seconds = Number(text);
  if (seconds > MAX_EXPIRES_SECONDS) {
    throw incompleteSignature(`X-Amz-Expires must be less than a week (in seconds) that is ${MAX_EXPIRES_SECONDS}`);
  }
  return seconds;
}
