import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { invalidSignature } from './auth-errors.js';
import { SCOPE_TERMINATOR, type CredentialScope } from './parse-credential.js';

/** The payload-hash markers of a chunk-signed S3 upload; each chunk then carries its own signature. */
export const SIGNED_CHUNKS = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';
const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

export interface ChunkSigningInputs {
  readonly body: Buffer;
  readonly seedSignature: string;
  readonly secretAccessKey: string;
  readonly scope: CredentialScope;
  /** `YYYYMMDD'T'HHMMSS'Z'`, the request's signed time. */
  readonly amzDate: string;
}

/**
 * Verifies every chunk signature of an `aws-chunked` body signed with STREAMING-AWS4-HMAC-SHA256-PAYLOAD: each one
 * signs `AWS4-HMAC-SHA256-PAYLOAD`, the date, the scope, the previous signature (the seed for the first), the empty
 * hash and the chunk's SHA-256. Only the framing needed to find chunks is read here (auth may not import protocols);
 * the rest-xml codec decodes the body. A trailer signature (the `-TRAILER` variant) is not verified [gap].
 */
export function verifyChunkSignatures(inputs: ChunkSigningInputs): void {
  const { body, scope } = inputs;
  const scopeText = `${scope.date}/${scope.region}/${scope.service}/${SCOPE_TERMINATOR}`;
  const key = signingKey(inputs.secretAccessKey, scope);
  let previous = inputs.seedSignature.toLowerCase();
  let offset = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', offset, 'latin1');
    if (lineEnd < 0) throw invalidSignature();
    const header = body.subarray(offset, lineEnd).toString('latin1');
    const match = /^([0-9a-fA-F]+);chunk-signature=([0-9a-f]{64})$/.exec(header.trim());
    if (match === null) throw invalidSignature();
    const size = Number.parseInt(match[1] as string, 16);
    const data = body.subarray(lineEnd + 2, lineEnd + 2 + size);
    if (data.length !== size) throw invalidSignature();
    const stringToSign = ['AWS4-HMAC-SHA256-PAYLOAD', inputs.amzDate, scopeText, previous, EMPTY_SHA256, sha256Hex(data)].join('\n');
    const expected = createHmac('sha256', key).update(stringToSign).digest('hex');
    if (!timingSafeEqual(Buffer.from(expected), Buffer.from(match[2] as string))) throw invalidSignature();
    previous = expected;
    if (size === 0) return;
    offset = lineEnd + 2 + size + 2;
  }
}

export function signingKey(secretAccessKey: string, scope: CredentialScope): Buffer {
  const dateKey = createHmac('sha256', `AWS4${secretAccessKey}`).update(scope.date).digest();
  const regionKey = createHmac('sha256', dateKey).update(scope.region).digest();
  const serviceKey = createHmac('sha256', regionKey).update(scope.service).digest();
  return createHmac('sha256', serviceKey).update(SCOPE_TERMINATOR).digest();
}

const sha256Hex = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
