import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { WireRequest } from '../protocols/wire.js';
import { formatAmzDate } from './amz-date.js';
import { SCOPE_TERMINATOR } from './parse-credential.js';
import { ALGORITHM, type SigV4Claim } from './sigv4-claim.js';

type SignableRequest = Parameters<SignatureV4['presign']>[0];
type HeaderBag = SignableRequest['headers'];
type QueryBag = NonNullable<SignableRequest['query']>;

/** The signer wants a constructor taking only an optional HMAC key, as the SDKs bind it. */
const Sha256 = Hash.bind(null, 'sha256');

/**
 * Exposes the library's canonical-request and string-to-sign steps. `sign()` itself cannot be reused for
 * verification: it always adds `x-amz-date` (and drops a signed `date`), so it would not reproduce a client that
 * signed a different header set. Here the canonical headers are exactly the client's `SignedHeaders`.
 */
class CanonicalSigner extends SignatureV4 {
  canonicalRequest(request: SignableRequest, headers: HeaderBag, payloadHash: string): string {
    return this.createCanonicalRequest(request, headers, payloadHash);
  }
  stringToSign(longDate: string, scope: string, canonicalRequest: string): Promise<string> {
    return this.createStringToSign(longDate, scope, canonicalRequest, ALGORITHM);
  }
}

export interface SignatureInputs {
  readonly request: WireRequest;
  readonly claim: SigV4Claim;
  readonly secretAccessKey: string;
  readonly requestTimeMs: number;
  readonly payloadHash: string;
}

export interface ExpectedSignature {
  readonly signature: string;
  readonly canonicalRequest: string;
  readonly stringToSign: string;
}

/** Re-signs the request as the client should have, with the client's own scope, date and signed headers. */
export async function expectedSignature(inputs: SignatureInputs): Promise<ExpectedSignature> {
  const { request, claim, secretAccessKey, requestTimeMs, payloadHash } = inputs;
  const { accessKeyId, region, service, date } = claim.scope;
  const signer = signerFor(service, region, accessKeyId, secretAccessKey);
  const signable: SignableRequest = {
    method: request.method.toUpperCase(),
    protocol: 'http:',
    hostname: '',
    path: request.path === '' ? '/' : request.path,
    query: queryBag(request.query),
    headers: {},
  };
  const canonicalRequest = signer.canonicalRequest(signable, canonicalHeaders(request, claim), payloadHash);
  const scope = `${date}/${region}/${service}/${SCOPE_TERMINATOR}`;
  const stringToSign = await signer.stringToSign(formatAmzDate(requestTimeMs), scope, canonicalRequest);
  const signature = await signer.sign(stringToSign, {
    signingDate: new Date(requestTimeMs),
    signingRegion: region,
    signingService: service,
  });
  return { signature, canonicalRequest, stringToSign };
}

/**
 * Signers are kept per key, region and service: each keeps the day's derived signing key (four HMACs) in its own
 * cache, so a fresh signer per request recomputed it every time (~2% of a proxied Bedrock call's CPU). Bounded: the
 * map is simply cleared when it fills, since keys in use are few.
 */
const SIGNERS = new Map<string, CanonicalSigner>();
const MAX_SIGNERS = 256;

function signerFor(service: string, region: string, accessKeyId: string, secretAccessKey: string): CanonicalSigner {
  const key = JSON.stringify([service, region, accessKeyId, secretAccessKey]);
  let signer = SIGNERS.get(key);
  if (signer === undefined) {
    if (SIGNERS.size >= MAX_SIGNERS) SIGNERS.clear();
    signer = new CanonicalSigner({
      service,
      region,
      credentials: { accessKeyId, secretAccessKey },
      sha256: Sha256,
      // S3 signs the path as sent; every other service encodes it once more.
      uriEscapePath: service !== 's3',
      applyChecksum: false,
    });
    SIGNERS.set(key, signer);
  }
  return signer;
}

function canonicalHeaders(request: WireRequest, claim: SigV4Claim): HeaderBag {
  // A null prototype keeps a header named `__proto__` an ordinary key.
  const headers = Object.create(null) as HeaderBag;
  for (const name of claim.signedHeaders) {
    const value = request.headers[name] ?? (name === 'host' ? request.headers[':authority'] : undefined) ?? '';
    headers[name] = value.replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ').trim();
  }
  return headers;
}

function queryBag(query: URLSearchParams): QueryBag {
  const bag = Object.create(null) as QueryBag;
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    bag[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return bag;
}
