import { ServiceError } from '../../kernel/index.js';
import { queryErrorHeader } from '../query-error-header.js';
import type { DecodedCall, ProtocolCodec, WireRequest, WireResponse } from '../wire.js';

/**
 * awsJson1_0 / awsJson1_1: `POST /` with `X-Amz-Target: <Prefix>.<Operation>` and a JSON object body.
 * The two versions differ only in the content type; CloudWatch's JSON flavour is also "query compatible", which adds
 * the `x-amzn-query-error` header so SDKs can map errors to the codes the older awsQuery protocol used.
 */
export interface AwsJsonOptions {
  readonly version: '1.0' | '1.1';
  /** The `X-Amz-Target` prefix before the dot, e.g. `Logs_20140328`. */
  readonly targetPrefix: string;
  readonly queryCompatible?: boolean;
}

const ACCEPTED_CONTENT_TYPES = new Set(['application/x-amz-json-1.0', 'application/x-amz-json-1.1', 'application/json']);

export function createAwsJsonCodec(options: AwsJsonOptions): ProtocolCodec {
  const contentType = `application/x-amz-json-${options.version}`;
  return {
    decode: (request) => decodeJsonCall(request, options.targetPrefix),
    encodeOutput: (_call, output, requestId) => jsonResponse(200, contentType, requestId, output ?? {}),
    encodeError: (error, requestId) => {
      const response = jsonResponse(error.httpStatus, contentType, requestId, {
        __type: error.code,
        message: error.message,
        ...error.members,
      });
      if (!options.queryCompatible) return response;
      return { ...response, headers: { ...response.headers, 'x-amzn-query-error': queryErrorHeader(error) } };
    },
  };
}

function decodeJsonCall(request: WireRequest, targetPrefix: string): DecodedCall {
  const target = request.headers['x-amz-target'] ?? '';
  const dot = target.indexOf('.');
  const prefix = dot < 0 ? '' : target.slice(0, dot);
  const operation = dot < 0 ? '' : target.slice(dot + 1);
  if (prefix !== targetPrefix || operation === '' || request.method !== 'POST') {
    throw new ServiceError('UnknownOperationException', '', { httpStatus: 400 });
  }
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType !== '' && !ACCEPTED_CONTENT_TYPES.has(mediaType)) {
    throw new ServiceError('UnknownOperationException', '', { httpStatus: 400 });
  }
  return { operation, input: parseJsonObject(request.body) };
}

function parseJsonObject(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new ServiceError('SerializationException', `Could not parse request body into json: ${detail}`, { cause });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ServiceError('SerializationException', 'Start of structure or map found where not expected.');
  }
  return parsed as Record<string, unknown>;
}

function jsonResponse(status: number, contentType: string, requestId: string, body: unknown): WireResponse {
  return {
    status,
    headers: { 'content-type': contentType, 'x-amzn-requestid': requestId },
    body: JSON.stringify(body),
  };
}
