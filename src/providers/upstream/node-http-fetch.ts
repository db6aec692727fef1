import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import type { FetchFn } from './upstream-http.js';

/**
 * The backends' default transport: a `fetch` over node:http(s) with keep-alive pools. The global fetch (undici)
 * turns every request body into a web stream written chunk by chunk (headers and body in separate writes) and was
 * ~10% of the gateway's CPU in the benchmark profile; here the headers and body leave in one write. The answer is a
 * standard `Response` (its body a web stream over the socket), so the backends read it exactly as before. Failures
 * keep Node's error codes (`ECONNREFUSED`, `ECONNRESET`...), which the deadline maps to Bedrock's errors.
 */
const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 256 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 256 });
/** Statuses whose answer has no body (a `Response` refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export const nodeHttpFetch: FetchFn = (input, init) => new Promise<Response>((resolve, reject) => {
  const url = new URL(input);
  const secure = url.protocol === 'https:';
  const body = typeof init.body === 'string' ? Buffer.from(init.body, 'utf8') : init.body instanceof Uint8Array ? init.body : undefined;
  if (init.body !== undefined && init.body !== null && body === undefined) {
    reject(new TypeError('nodeHttpFetch sends string or byte bodies only'));
    return;
  }
  const headers: Record<string, string> = { ...(init.headers as Record<string, string> | undefined) };
  if (body !== undefined) headers['content-length'] = String(body.length);
  const send = secure ? httpsRequest : httpRequest;
  const req = send(url, {
    method: init.method ?? 'GET',
    headers,
    agent: secure ? httpsAgent : httpAgent,
    ...(init.signal === undefined || init.signal === null ? {} : { signal: init.signal }),
  }, (res) => resolve(toResponse(res)));
  req.on('error', reject);
  req.end(body);
});

function toResponse(res: IncomingMessage): Response {
  const status = res.statusCode ?? 0;
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  if (NULL_BODY.has(status)) {
    res.resume();
    return new Response(null, { status, statusText: res.statusMessage ?? '', headers });
  }
  const stream = Readable.toWeb(res) as ReadableStream<Uint8Array>;
  return new Response(stream, { status, statusText: res.statusMessage ?? '', headers });
}
