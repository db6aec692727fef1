import type { IncomingMessage } from 'node:http';
import type { Http2ServerRequest } from 'node:http2';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { ServiceError } from '../kernel/index.js';
import type { WireRequest } from '../protocols/index.js';

const gunzipAsync = promisify(gunzip);

/**
 * Largest request body we read, before and after gunzip. A full PutLogEvents batch is 1 MiB of messages, but its
 * JSON can be several times larger once control characters are escaped, so this leaves generous headroom.
 */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export function tooLarge(): ServiceError {
  return new ServiceError('RequestEntityTooLargeException', `Request body must be at most ${MAX_BODY_BYTES} bytes.`, { httpStatus: 413 });
}

export interface ReadRequestOptions {
  /** True for requests whose body must stay as sent whatever its Content-Encoding (S3 stores it with the object). */
  readonly keepBody?: (request: WireRequest) => boolean;
}

/** Reads a whole HTTP/1.1 or HTTP/2 request into a WireRequest, un-gzipping `Content-Encoding: gzip` bodies. */
export async function readRequest(message: IncomingMessage | Http2ServerRequest, options: ReadRequestOptions = {}): Promise<WireRequest> {
  const url = message.url ?? '/';
  const queryStart = url.indexOf('?');
  const rawQuery = queryStart < 0 ? '' : url.slice(queryStart + 1);
  const headers = flattenHeaders(message.headers);
  const declared = Number(headers['content-length'] ?? '0');
  if (declared > MAX_BODY_BYTES) {
    message.resume();
    throw tooLarge();
  }
  const rawBody = await readBody(message);
  const asSent: WireRequest = {
    method: message.method ?? 'GET',
    path: queryStart < 0 ? url : url.slice(0, queryStart),
    rawQuery,
    query: new URLSearchParams(rawQuery),
    headers,
    body: rawBody,
  };
  if (options.keepBody?.(asSent) === true) return asSent;
  let body = rawBody;
  const encoding = headers['content-encoding']?.toLowerCase();
  if (encoding === 'gzip') body = await gunzipBody(rawBody);
  else if (encoding !== undefined && encoding !== 'identity' && encoding !== '') {
    throw new ServiceError('UnsupportedMediaTypeException', `Content-Encoding '${encoding}' is not supported.`, { httpStatus: 415 });
  }
  return body === rawBody ? asSent : { ...asSent, body, rawBody };
}

function readBody(message: IncomingMessage | Http2ServerRequest): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    message.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        message.removeAllListeners('data');
        message.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    message.once('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)));
    message.once('error', reject);
  });
}

async function gunzipBody(body: Buffer): Promise<Buffer> {
  try {
    return await gunzipAsync(body, { maxOutputLength: MAX_BODY_BYTES });
  } catch (cause) {
    if (cause instanceof RangeError || (cause as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
    throw new ServiceError('SerializationException', 'The request body is not valid gzip data.', { cause });
  }
}

function flattenHeaders(raw: Readonly<Record<string, string | string[] | undefined>>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined || name.startsWith(':')) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  // HTTP/2 carries the host as `:authority`, and the JS bedrock-runtime client signs it under that name.
  const authority = raw[':authority'];
  if (typeof authority === 'string') {
    headers[':authority'] = authority;
    headers.host ??= authority;
  }
  return headers;
}
