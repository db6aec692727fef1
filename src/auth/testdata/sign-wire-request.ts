import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { WireRequest } from '../../protocols/wire.js';

/** Test support: builds a request, signs it with the real SDK signer, and returns it as the server would see it. */

type SignableRequest = Parameters<SignatureV4['presign']>[0];

export interface TestRequest {
  readonly method?: string;
  /** As sent on the wire, already percent-encoded. */
  readonly path?: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface TestSigning {
  readonly service: string;
  readonly region?: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly date: Date;
  /** Presign instead of signing the Authorization header. */
  readonly presignExpiresIn?: number;
}

export async function signWireRequest(req: TestRequest, signing: TestSigning): Promise<WireRequest> {
  const signer = new SignatureV4({
    service: signing.service,
    region: signing.region ?? 'us-east-1',
    credentials: {
      accessKeyId: signing.accessKeyId,
      secretAccessKey: signing.secretAccessKey,
      ...(signing.sessionToken === undefined ? {} : { sessionToken: signing.sessionToken }),
    },
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: signing.service !== 's3',
    applyChecksum: signing.service === 's3',
  });
  const request: SignableRequest = {
    method: req.method ?? 'POST',
    protocol: 'http:',
    hostname: 'localhost',
    port: 4580,
    path: req.path ?? '/',
    query: { ...req.query },
    headers: { host: 'localhost:4580', ...req.headers },
    ...(req.body === undefined ? {} : { body: req.body }),
  };
  const signed =
    signing.presignExpiresIn === undefined
      ? await signer.sign(request, { signingDate: signing.date })
      : await signer.presign(request, { signingDate: signing.date, expiresIn: signing.presignExpiresIn });
  return toWireRequest(signed.method, signed.path, signed.query ?? {}, signed.headers, req.body ?? '');
}

export function toWireRequest(
  method: string,
  path: string,
  query: Readonly<Record<string, string | readonly string[] | null>>,
  headers: Readonly<Record<string, string>>,
  body: string | Uint8Array,
): WireRequest {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    for (const v of value === null ? [] : typeof value === 'string' ? [value] : value) {
      pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(v)}`);
    }
  }
  const rawQuery = pairs.join('&');
  const lower: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = value;
  return {
    method,
    path,
    rawQuery,
    query: new URLSearchParams(rawQuery),
    headers: lower,
    // Copy the bytes: the SDK's body type overrides valueOf(), which Buffer.from(object) would call.
    body: typeof body === 'string' ? Buffer.from(body) : Buffer.from(body.buffer, body.byteOffset, body.byteLength),
  };
}

/** A copy of `request` with some parts replaced, for tampering. */
export function withChanges(request: WireRequest, changes: Partial<Omit<WireRequest, 'query'>>): WireRequest {
  const rawQuery = changes.rawQuery ?? request.rawQuery;
  return { ...request, ...changes, rawQuery, query: new URLSearchParams(rawQuery) };
}
