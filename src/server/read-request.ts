import type { IncomingMessage } from 'node:http';
import type { Http2ServerRequest } from 'node:http2';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { ServiceError } from '../kernel/index.js';
import type { WireRequest } from '../protocols/index.js';
import type { BodyBufferPool } from './body-buffer-pool.js';

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
  /**
   * True for requests whose body must stay as sent whatever its Content-Encoding (S3 stores it with the object).
   * Such bodies are never read into a pooled buffer either: the object store may keep them.
   */
  readonly keepBody?: (request: Pick<WireRequest, 'method' | 'path' | 'rawQuery' | 'query' | 'headers'>) => boolean;
  /** Where large bodies are read into; each goes back with `release` once the request is answered. */
  readonly bodyPool?: BodyBufferPool;
}

export interface ReadRequest {
  readonly request: WireRequest;
  /** Hands a pooled body buffer back: call it once the request is answered and nothing holds its body. */
  readonly release: () => void;
}

/** Bodies up to this size arrive in one chunk and are used as they come, without a copy. */
const ONE_CHUNK_BYTES = 64 * 1024;

/** Reads a whole HTTP/1.1 or HTTP/2 request into a WireRequest, un-gzipping `Content-Encoding: gzip` bodies. */
export async function readRequest(message: IncomingMessage | Http2ServerRequest, options: ReadRequestOptions = {}): Promise<ReadRequest> {
  const url = message.url ?? '/';
  const queryStart = url.indexOf('?');
  const rawQuery = queryStart < 0 ? '' : url.slice(queryStart + 1);
  const headers = flattenHeaders(message.headers);
  const declared = Number(headers['content-length'] ?? '0');
  if (declared > MAX_BODY_BYTES) {
    message.resume();
    throw tooLarge();
  }
  const head = { method: message.method ?? 'GET', path: queryStart < 0 ? url : url.slice(0, queryStart), rawQuery, query: new URLSearchParams(rawQuery), headers };
  const keep = options.keepBody?.(head) === true;
  const pooled = keep || declared <= ONE_CHUNK_BYTES ? undefined : options.bodyPool?.take(declared);
  const release = pooled === undefined ? () => undefined : once(() => options.bodyPool?.give(pooled));
  try {
    const rawBody = await readBody(message, pooled);
    const asSent: WireRequest = { ...head, body: rawBody };
    if (keep) return { request: asSent, release };
    let body = rawBody;
    const encoding = headers['content-encoding']?.toLowerCase();
    if (encoding === 'gzip') body = await gunzipBody(rawBody);
    else if (encoding !== undefined && encoding !== 'identity' && encoding !== '') {
      throw new ServiceError('UnsupportedMediaTypeException', `Content-Encoding '${encoding}' is not supported.`, { httpStatus: 415 });
    }
    return { request: body === rawBody ? asSent : { ...asSent, body, rawBody }, release };
  } catch (error) {
    release();
    throw error;
  }
}

function once(action: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    action();
  };
}

/** Reads the body into `into` while it fits (the declared length), else into a list of chunks joined at the end. */
function readBody(message: IncomingMessage | Http2ServerRequest, into: Buffer | undefined): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let target = into;
    message.on('data', (chunk: Buffer) => {
      if (size + chunk.length > MAX_BODY_BYTES) {
        chunks.length = 0;
        message.removeAllListeners('data');
        message.resume();
        reject(tooLarge());
        return;
      }
      if (target !== undefined && size + chunk.length > target.length) {
        // More than declared (an HTTP/2 client may say less than it sends): carry on as if there were no pool.
        chunks.push(Buffer.from(target.subarray(0, size)));
        target = undefined;
      }
      if (target === undefined) chunks.push(chunk);
      else chunk.copy(target, size);
      size += chunk.length;
    });
    message.once('end', () => {
      if (target !== undefined) resolve(target.subarray(0, size));
      else resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    });
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
