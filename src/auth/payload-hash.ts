import { Hash } from '@smithy/hash-node';
import type { WireRequest } from '../protocols/wire.js';
import type { SigV4Claim } from './sigv4-claim.js';

const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

export async function sha256Hex(body: Uint8Array): Promise<string> {
  const hash = new Hash('sha256');
  hash.update(body);
  return Buffer.from(await hash.digest()).toString('hex');
}

/**
 * The payload hash the client signed: `x-amz-content-sha256` when sent (S3 always sends it, possibly as
 * `UNSIGNED-PAYLOAD` or a streaming marker), else the body's SHA-256. Presigned S3 URLs never cover the body.
 */
export async function claimedPayloadHash(request: WireRequest, claim: SigV4Claim): Promise<string> {
  const declared =
    (claim.form === 'query' ? queryContentSha256(request.query) : undefined) ?? request.headers['x-amz-content-sha256'];
  if (declared !== undefined) return declared;
  if (claim.form === 'query' && claim.scope.service === 's3') return UNSIGNED_PAYLOAD;
  return sha256Hex(request.rawBody ?? request.body);
}

/** True when `hash` is a literal SHA-256 (not a marker like UNSIGNED-PAYLOAD) that the body does not match. */
export async function declaredHashMismatches(hash: string, body: Uint8Array): Promise<boolean> {
  if (!/^[0-9a-fA-F]{64}$/.test(hash)) return false;
  return (await sha256Hex(body)) !== hash.toLowerCase();
}

/** Presigners hoist the header under whatever case they were given (`X-Amz-Content-Sha256` or lower case). */
function queryContentSha256(query: URLSearchParams): string | undefined {
  for (const [key, value] of query) if (key.toLowerCase() === 'x-amz-content-sha256') return value;
  return undefined;
}
