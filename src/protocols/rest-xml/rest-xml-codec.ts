import { createHash } from 'node:crypto';
import type { ServiceError } from '../../kernel/index.js';
import type { DecodedCall, ProtocolCodec, WireRequest, WireResponse } from '../wire.js';
import { S3_DECODERS } from './s3-request-decoders.js';
import { S3_ENCODERS } from './s3-response-encoders.js';
import { matchS3Operation, notImplemented } from './s3-operation-table.js';
import { resolveS3Target } from './s3-request-target.js';
import { rejectUnsupportedHeaders } from './s3-unsupported-headers.js';
import { el, errorDocument } from './s3-xml-output.js';

export interface RestXmlOptions {
  /**
   * Host names (no port) under which `<bucket>.<host>` addresses a bucket virtual-host style, e.g. `localhost`,
   * `s3.localhost`. Any other Host is path style.
   */
  readonly virtualHostSuffixes: readonly string[];
}

/** S3's restXml wire: method + bucket/key + sub-resource pick the operation (a table), bindings fill its input. */
export function createRestXmlCodec(options: RestXmlOptions): ProtocolCodec {
  return {
    decode(request: WireRequest): DecodedCall {
      const target = resolveS3Target(request, options.virtualHostSuffixes);
      const row = matchS3Operation(request.method, target, request.query);
      rejectUnsupportedHeaders(row.operation, request.headers);
      const decoder = S3_DECODERS[row.operation];
      if (decoder === undefined) throw notImplemented();
      const owner = request.headers['x-amz-expected-bucket-owner'];
      const input = decoder(request, target) as object;
      return { operation: row.operation, input: owner === undefined || target.kind === 'service' ? input : { ...input, ExpectedBucketOwner: owner } };
    },
    encodeOutput(call: DecodedCall, output: unknown, requestId: string): WireResponse {
      const encoder = S3_ENCODERS[call.operation];
      if (encoder === undefined) throw new Error(`no restXml encoder for ${call.operation}`);
      const reply = encoder(output as never);
      return { status: reply.status, headers: { ...reply.headers, ...requestIdHeaders(requestId) }, body: reply.body };
    },
    encodeError(error: ServiceError, requestId: string, operation?: string): WireResponse {
      const headers = requestIdHeaders(requestId);
      // HEAD answers carry no body, errors included; the SDKs name them by status (404 -> NotFound). Nor may a 304.
      if (operation?.startsWith('Head') === true || error.httpStatus === 304) return { status: error.httpStatus, headers, body: '' };
      const members = Object.entries(error.members).map(([name, value]) => el(name, String(value)));
      const body = errorDocument([el('Code', error.code), el('Message', error.message), ...members, el('RequestId', requestId), el('HostId', hostId(requestId))]);
      return { status: error.httpStatus, headers: { 'content-type': 'application/xml', ...headers }, body };
    },
  };
}

function requestIdHeaders(requestId: string): Record<string, string> {
  return { 'x-amz-request-id': requestId, 'x-amz-id-2': hostId(requestId) };
}

/** S3's extended request id: opaque base64; derived from the request id so both headers name the same request. */
function hostId(requestId: string): string {
  return createHash('sha256').update(requestId).digest('base64');
}
