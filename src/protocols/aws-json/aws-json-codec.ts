import { ServiceError } from '../../kernel/index.js';
import type { EventStreamUnion } from '../../models/index.js';
import { encodeEventStream } from '../event-stream/index.js';
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
  /**
   * Operations whose output is an event stream (Logs' StartLiveTail), from the model: the output member holding the
   * stream and its union. The operation returns that member as an AsyncIterable of union values; it is framed here.
   */
  readonly eventStreams?: Readonly<Record<string, { readonly member: string; readonly union: EventStreamUnion }>>;
  /**
   * Operations that read their own body, for speed (Logs' PutLogEvents): the reader's answer is the input, unless
   * it is undefined, which leaves the body to JSON.parse as for any other operation.
   */
  readonly bodyReaders?: Readonly<Record<string, BodyReader>>;
}

export type BodyReader = (body: Buffer) => unknown;

const ACCEPTED_CONTENT_TYPES = new Set(['application/x-amz-json-1.0', 'application/x-amz-json-1.1', 'application/json']);

export function createAwsJsonCodec(options: AwsJsonOptions): ProtocolCodec {
  const contentType = `application/x-amz-json-${options.version}`;
  return {
    decode: (request) => decodeJsonCall(request, options),
    encodeOutput: (call, output, requestId) => {
      const stream = options.eventStreams?.[call.operation];
      const source = stream === undefined ? undefined : streamOf(output, stream.member);
      if (stream === undefined || source === undefined) return jsonResponse(200, contentType, requestId, output ?? {});
      return {
        status: 200,
        headers: { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': requestId },
        body: '',
        stream: encodeEventStream(source, { union: stream.union, toJson: (value) => JSON.stringify(value), initialResponse: true }),
      };
    },
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

function streamOf(output: unknown, member: string): AsyncIterable<unknown> | undefined {
  if (output === null || typeof output !== 'object') return undefined;
  const value = (output as Record<string, unknown>)[member];
  return value !== null && typeof value === 'object' && Symbol.asyncIterator in value ? (value as AsyncIterable<unknown>) : undefined;
}

function decodeJsonCall(request: WireRequest, { targetPrefix, bodyReaders }: AwsJsonOptions): DecodedCall {
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
  // Own members only: the operation name comes from the client, and `constructor` is on every object.
  const reader = bodyReaders !== undefined && Object.hasOwn(bodyReaders, operation) ? bodyReaders[operation] : undefined;
  const read = reader?.(request.body);
  return { operation, input: read === undefined ? parseJsonObject(request.body) : read };
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
