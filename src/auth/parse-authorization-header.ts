import type { WireRequest } from '../protocols/wire.js';
import { incompleteSignature } from './auth-errors.js';
import { parseCredential } from './parse-credential.js';
import { ALGORITHM, type RequestTime, type SigV4Claim } from './sigv4-claim.js';

/** Parses `Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`. */
export function parseAuthorizationHeader(request: WireRequest, header: string): SigV4Claim {
  const trimmed = header.trim();
  const space = trimmed.search(/\s/);
  const algorithm = space < 0 ? trimmed : trimmed.slice(0, space);
  if (algorithm !== ALGORITHM) throw incompleteSignature(`Unsupported AWS 'algorithm': '${algorithm}'`);

  const fields = new Map<string, string>();
  // SDKs separate with ", "; values never contain commas or spaces, so either separator is accepted.
  for (const part of (space < 0 ? '' : trimmed.slice(space)).split(/[,\s]+/)) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) {
      throw incompleteSignature(
        `'${part}' not a valid key=value pair (missing equal-sign) in Authorization header: '${header}'.`,
      );
    }
    fields.set(part.slice(0, eq), part.slice(eq + 1));
  }

  const credential = fields.get('Credential');
  const signature = fields.get('Signature');
  const signedHeaders = fields.get('SignedHeaders');
  const requestTime = headerRequestTime(request);
  const missing: string[] = [];
  if (!credential) missing.push("Authorization header requires 'Credential' parameter.");
  if (!signature) missing.push("Authorization header requires 'Signature' parameter.");
  if (!signedHeaders) missing.push("Authorization header requires 'SignedHeaders' parameter.");
  if (requestTime === undefined) {
    missing.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  }
  if (!credential || !signature || !signedHeaders || requestTime === undefined) {
    throw incompleteSignature(`${missing.join(' ')} Authorization=${header}`);
  }

  const signed = signedHeaders.split(';').map((h) => h.toLowerCase());
  const securityToken = request.headers['x-amz-security-token'];
  return {
    form: 'header',
    scope: parseCredential(credential),
    signedHeaders: signed,
    signature,
    requestTime,
    expiresSeconds: undefined,
    securityToken,
    securityTokenSigned: signed.includes('x-amz-security-token'),
  };
}

function headerRequestTime(request: WireRequest): RequestTime | undefined {
  const amzDate = request.headers['x-amz-date'];
  if (amzDate !== undefined) return { text: amzDate, source: 'x-amz-date' };
  const date = request.headers['date'];
  return date === undefined ? undefined : { text: date, source: 'date' };
}
