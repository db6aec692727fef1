import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { REGION, TEST_CREDENTIALS } from './harness.js';
import type { RawResponse } from './raw-request.js';

/**
 * Hand-built S3 requests, signed as S3 clients sign them (path not double-encoded, `x-amz-content-sha256`), for what
 * the SDK will not send: a chosen Host header (virtual-host style), broken digests, signed aws-chunked bodies.
 */

export interface S3RawRequest {
  readonly method: string;
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Buffer | string;
  /** The Host header to send and sign; the endpoint's host by default. */
  readonly host?: string;
  /** `x-amz-content-sha256`; the body's SHA-256 by default. */
  readonly contentSha256?: string;
  readonly sign?: boolean;
  readonly signingDate?: Date;
  /** The region to sign for; the harness region by default. */
  readonly region?: string;
}

export const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

export function s3Signer(region: string = REGION): SignatureV4 {
  return new SignatureV4({
    service: 's3', region, credentials: { ...TEST_CREDENTIALS }, sha256: Hash.bind(null, 'sha256'), uriEscapePath: false,
  });
}

export async function sendS3(endpoint: string, raw: S3RawRequest): Promise<RawResponse & { readonly bytes: Buffer }> {
  const url = new URL(endpoint);
  const host = raw.host ?? url.host;
  const body = raw.body ?? '';
  const unsigned = { host, 'x-amz-content-sha256': raw.contentSha256 ?? sha256Hex(body), ...raw.headers };
  const headers =
    raw.sign === false
      ? unsigned
      : (await s3Signer(raw.region).sign(
          { method: raw.method, protocol: 'http:', hostname: host.split(':')[0] ?? '', path: raw.path, query: { ...raw.query }, headers: unsigned, body },
          raw.signingDate === undefined ? {} : { signingDate: raw.signingDate },
        )).headers;
  const search = new URLSearchParams(raw.query).toString();
  return sendPrepared(endpoint, { method: raw.method, path: raw.path + (search === '' ? '' : `?${search}`), headers, body });
}

/** Sends exactly these headers (Host included) and body to the endpoint's address. */
export function sendPrepared(
  endpoint: string,
  prepared: { readonly method: string; readonly path: string; readonly headers: Readonly<Record<string, string>>; readonly body: Buffer | string },
): Promise<RawResponse & { readonly bytes: Buffer }> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: prepared.method, path: prepared.path, headers: prepared.headers, setHost: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString('utf8'), bytes });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(prepared.body);
  });
}

/** An S3 XML error: the status, the code, the request-id headers, and `<RequestId>` matching `x-amz-request-id`. */
export function assertS3Error(res: RawResponse, status: number, code: string): void {
  assert.equal(res.status, status, res.body);
  assert.match(res.body, new RegExp(`<Error><Code>${code}</Code><Message>[^<]+</Message>`), res.body);
  const requestId = res.headers['x-amz-request-id'];
  assert.ok(typeof requestId === 'string' && requestId !== '', 'x-amz-request-id is set');
  assert.ok(res.headers['x-amz-id-2'], 'x-amz-id-2 is set');
  assert.ok(res.body.includes(`<RequestId>${requestId}</RequestId>`), 'the body names the same request');
  assert.match(res.body, /<HostId>[^<]+<\/HostId><\/Error>$/);
}
