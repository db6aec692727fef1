import { cbor } from '@smithy/core/cbor';
import { ServiceError } from '../../kernel/index.js';
import type { QueryServiceShapes } from '../aws-query/index.js';
import type { DecodedCall, ProtocolCodec, WireRequest, WireResponse } from '../wire.js';
import { fromCborValue, toCborValue } from './cbor-values.js';
import { queryErrorHeader } from '../query-error-header.js';

/**
 * Smithy RPC v2 CBOR: `POST /service/<ServiceName>/operation/<Op>` with `smithy-protocol: rpc-v2-cbor` and a CBOR map
 * body. Inputs decode to the JSON codec's plain form, so the same service serves every wire; `shapes` tells the
 * encoder which output members are timestamps (tag 1) or blobs (byte strings).
 */
export interface RpcV2CborOptions {
  /** The service shape's name in the path, e.g. `GraniteServiceVersion20100801`. */
  readonly serviceName: string;
  /** Operation output shapes; without them outputs are encoded as they are. */
  readonly shapes?: QueryServiceShapes;
  /** awsQueryCompatible services add the `x-amzn-query-error` header to errors. */
  readonly queryCompatible?: boolean;
}

const CBOR_HEADERS = { 'content-type': 'application/cbor', 'smithy-protocol': 'rpc-v2-cbor' } as const;

export function createRpcV2CborCodec(options: RpcV2CborOptions): ProtocolCodec {
  const prefix = `/service/${options.serviceName}/operation/`;
  return {
    decode: (request) => decodeCborCall(request, prefix),
    encodeOutput: (call, output, requestId) => {
      const outputRef = options.shapes?.operations[call.operation]?.output;
      const body = toCborValue(output ?? {}, outputRef, options.shapes) ?? {};
      return cborResponse(200, requestId, body);
    },
    encodeError: (error, requestId) => {
      const body = toCborValue({ ...error.members, __type: error.code, message: error.message }, undefined, undefined);
      const response = cborResponse(error.httpStatus, requestId, body);
      if (!options.queryCompatible) return response;
      return { ...response, headers: { ...response.headers, 'x-amzn-query-error': queryErrorHeader(error) } };
    },
  };
}

function decodeCborCall(request: WireRequest, prefix: string): DecodedCall {
  const operation = request.path.startsWith(prefix) ? decodeURIComponent(request.path.slice(prefix.length)) : '';
  if (request.method !== 'POST' || operation === '' || operation.includes('/')) {
    throw new ServiceError('UnknownOperationException', `Unknown operation ${operation}.`, { httpStatus: 400 });
  }
  return { operation, input: parseCborMap(request.body) };
}

function parseCborMap(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = cbor.deserialize(new Uint8Array(body.buffer, body.byteOffset, body.length));
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new ServiceError('SerializationException', `Could not parse request body as CBOR: ${detail}`, { cause });
  }
  if (parsed === null || parsed === undefined) return {};
  const plain = fromCborValue(parsed);
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new ServiceError('SerializationException', 'Start of structure or map found where not expected.');
  }
  return plain as Record<string, unknown>;
}

function cborResponse(status: number, requestId: string, body: unknown): WireResponse {
  // serialize() reuses a shared buffer, so the bytes are copied before the next request can overwrite them.
  const bytes = Buffer.from(cbor.serialize(body));
  return { status, headers: { ...CBOR_HEADERS, 'x-amzn-requestid': requestId }, body: bytes };
}
