import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:http2';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { REGION, TEST_CREDENTIALS } from './harness.js';

/**
 * Hand-built requests, for what an SDK cannot send: broken bodies, odd headers, other transports. They are still
 * SigV4-signed (unless asked not to) so that they get past authentication and reach the code under test.
 */

export interface RawRequest {
  readonly method?: string;
  readonly path?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  readonly sign?: boolean;
  readonly service?: string;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

export function logsTarget(operation: string): Record<string, string> {
  return { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `Logs_20140328.${operation}` };
}

export async function signedHeaders(endpoint: string, raw: RawRequest): Promise<Record<string, string>> {
  const url = new URL(endpoint);
  const signer = new SignatureV4({ service: raw.service ?? 'logs', region: REGION, credentials: { ...TEST_CREDENTIALS }, sha256: Hash.bind(null, 'sha256') });
  const signed = await signer.sign({
    method: raw.method ?? 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: raw.path ?? '/',
    query: {},
    headers: { host: url.host, ...raw.headers },
    body: raw.body ?? '',
  });
  return { ...signed.headers };
}

/** HTTP/1.1 via node:http, which (unlike fetch) lets a server answer before it has read the whole body. */
export async function send(endpoint: string, raw: RawRequest): Promise<RawResponse> {
  const headers = raw.sign === false ? { ...raw.headers } : await signedHeaders(endpoint, raw);
  const url = new URL(raw.path ?? '/', endpoint);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(url, { method: raw.method ?? 'POST', headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    // A server may answer (413) and close while the body is still uploading; the answer is what counts.
    req.on('error', (error) => { if (!answered) reject(error); });
    req.end(raw.body);
  });
}

/** Cleartext HTTP/2 with prior knowledge, as Node's http2.connect does for an http:// URL (the Bedrock runtime SDK does this). */
export async function sendH2(endpoint: string, raw: RawRequest): Promise<RawResponse> {
  const headers = raw.sign === false ? { ...raw.headers } : await signedHeaders(endpoint, raw);
  const session = connect(endpoint);
  try {
    return await new Promise<RawResponse>((resolve, reject) => {
      session.on('error', reject);
      const stream = session.request({ ...headers, ':method': raw.method ?? 'POST', ':path': raw.path ?? '/' });
      const chunks: Buffer[] = [];
      let responseHeaders: Record<string, string | string[] | undefined> = {};
      stream.on('response', (h) => { responseHeaders = { ...h }; });
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => resolve({ status: Number(responseHeaders[':status']), headers: responseHeaders, body: Buffer.concat(chunks).toString('utf8') }));
      stream.on('error', reject);
      stream.end(raw.body);
    });
  } finally {
    session.close();
  }
}

/** An AWS JSON client error: 4xx, a request id, and a `__type` (namespace and `:` suffix stripped as SDKs do). */
export function assertJsonError(res: RawResponse, code?: string): string {
  assert.ok(res.status >= 400 && res.status < 500, `expected a 4xx, got ${res.status}: ${res.body}`);
  assert.ok(res.headers['x-amzn-requestid'], 'errors carry x-amzn-RequestId');
  let parsed: unknown;
  assert.doesNotThrow(() => { parsed = JSON.parse(res.body); }, `error body is not JSON: ${res.body}`);
  const type = (parsed as { __type?: unknown }).__type;
  assert.equal(typeof type, 'string', `error body has no __type: ${res.body}`);
  const bare = String(type).split('#').pop()?.split(':')[0] ?? '';
  if (code !== undefined) assert.equal(bare, code, res.body);
  return bare;
}
