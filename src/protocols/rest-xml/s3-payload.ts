import { ServiceError } from '../../kernel/index.js';
import type { WireRequest } from '../wire.js';
import { decodeAwsChunked, incompleteBody } from './aws-chunked.js';

/** The body as the client meant it, and the integrity claims about it (headers, plus aws-chunked trailers). */
export interface S3Payload {
  readonly body: Buffer;
  readonly claims: Readonly<Record<string, string>>;
  /** The object's own Content-Encoding, with the `aws-chunked` transfer coding removed. */
  readonly contentEncoding: string | undefined;
}

/** S3 sees the bytes as sent (the server does not un-gzip S3 bodies), so `rawBody` wins when present. */
export function readS3Payload(request: WireRequest): S3Payload {
  const raw = request.rawBody ?? request.body;
  const sha = request.headers['x-amz-content-sha256'] ?? '';
  const codings = (request.headers['content-encoding'] ?? '').split(',').map((c) => c.trim()).filter((c) => c !== '');
  const chunked = sha.startsWith('STREAMING-') || codings.some((c) => c.toLowerCase() === 'aws-chunked');
  const remaining = codings.filter((c) => c.toLowerCase() !== 'aws-chunked');
  const contentEncoding = remaining.length === 0 ? undefined : remaining.join(',');
  if (!chunked) return { body: raw, claims: request.headers, contentEncoding };

  const decoded = decodeAwsChunked(raw);
  const declared = request.headers['x-amz-decoded-content-length'];
  if (declared !== undefined && Number(declared) !== decoded.payload.length) throw incompleteBody();
  const claims: Record<string, string> = { ...request.headers };
  for (const name of (request.headers['x-amz-trailer'] ?? '').split(',').map((n) => n.trim().toLowerCase()).filter((n) => n !== '')) {
    const value = decoded.trailers[name];
    if (value === undefined) throw new ServiceError('MalformedTrailerError', 'The request contained trailing data that was not well-formed or did not conform to our published schema.');
    claims[name] = value;
  }
  return { body: decoded.payload, claims, contentEncoding };
}
