import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Http2ServerRequest } from 'node:http2';
import { parseCredentialScope } from '../auth/index.js';
import { ServiceError } from '../kernel/index.js';
import type { ProtocolCodec, WireRequest, WireResponse } from '../protocols/index.js';
import { MAX_BODY_BYTES } from './read-request.js';

/**
 * Failures that happen before a request is routed (reading the body) are answered in the JSON shape by default; an
 * S3 client expects S3's XML instead, so a request scoped to `s3` gets it, with S3's `EntityTooLarge` for a body over
 * the server's limit (S3 itself takes 5 GiB in one PUT; ModelWatch reads bodies whole, so it stops at 16 MiB).
 */
export function s3TransportError(message: IncomingMessage | Http2ServerRequest, error: ServiceError, s3Codec: ProtocolCodec): WireResponse | undefined {
  if (!isS3Request(message)) return undefined;
  const declared = message.headers['content-length'];
  const s3Error =
    error.code === 'RequestEntityTooLargeException'
      ? new ServiceError('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed object size.', {
          members: { ...(typeof declared === 'string' ? { ProposedSize: declared } : {}), MaxSizeAllowed: MAX_BODY_BYTES },
        })
      : error;
  return s3Codec.encodeError(s3Error, randomUUID(), undefined);
}

/**
 * SigV2 (`Authorization: AWS <key>:<sig>`, or `AWSAccessKeyId` + `Signature` in a presigned URL) exists only for S3,
 * and carries no SigV4 scope to route by. S3 regions opened since 2014 refuse it with this error, as ModelWatch does.
 */
export function s3SigV2Rejection(request: WireRequest, requestId: string, s3Codec: ProtocolCodec): WireResponse | undefined {
  const header = request.headers['authorization'] ?? '';
  const isSigV2 = /^AWS [^\s:]+:/.test(header) || (request.query.has('AWSAccessKeyId') && request.query.has('Signature'));
  if (!isSigV2) return undefined;
  const error = new ServiceError('InvalidRequest', 'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.');
  return s3Codec.encodeError(error, requestId, request.method === 'HEAD' ? 'HeadObject' : undefined);
}

function isS3Request(message: IncomingMessage | Http2ServerRequest): boolean {
  const url = message.url ?? '/';
  const queryStart = url.indexOf('?');
  const rawQuery = queryStart < 0 ? '' : url.slice(queryStart + 1);
  const authorization = message.headers['authorization'];
  const probe: WireRequest = {
    method: message.method ?? 'GET',
    path: queryStart < 0 ? url : url.slice(0, queryStart),
    rawQuery,
    query: new URLSearchParams(rawQuery),
    headers: typeof authorization === 'string' ? { authorization } : {},
    body: Buffer.alloc(0),
  };
  return parseCredentialScope(probe)?.service === 's3';
}
