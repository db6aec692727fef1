import { ServiceError } from '../../kernel/index.js';
import { upstreamMessage, parseJsonObject } from '../upstream/upstream-http.js';
import { upstreamStatusError } from '../upstream/upstream-errors.js';

/** HTTP statuses of bedrock-runtime's modeled errors (spec 3.6), for in-stream exceptions that carry none. */
const STATUS: Readonly<Record<string, number>> = {
  AccessDeniedException: 403,
  ResourceNotFoundException: 404,
  ValidationException: 400,
  ThrottlingException: 429,
  ServiceQuotaExceededException: 400,
  ModelTimeoutException: 408,
  ModelNotReadyException: 429,
  ModelErrorException: 424,
  ModelStreamErrorException: 424,
  InternalServerException: 500,
  ServiceUnavailableException: 503,
  ConflictException: 400,
};

/** Members besides `message` that the runtime errors model (ModelErrorException, ModelStreamErrorException). */
const MEMBERS = ['originalStatusCode', 'resourceName', 'originalMessage'] as const;

/**
 * An upstream Bedrock (or ModelWatch) error answer, kept as it was: same code, status, message and modeled members,
 * so a caller behind two hops sees what the last one said. An answer without an AWS error code (a proxy's 502
 * page) falls back to the shared upstream mapping.
 */
export function bedrockStatusError(response: Response, text: string, resourceName: string): ServiceError {
  const body = parseJsonObject(text) ?? {};
  const code = errorCode(response.headers.get('x-amzn-errortype'), body);
  if (code === undefined) {
    return upstreamStatusError({ status: response.status, message: upstreamMessage(text, response.status), resourceName });
  }
  return awsError(code, response.status, body);
}

/** An in-stream `:message-type: exception` frame: `:exception-type` is the union member (`throttlingException`). */
export function bedrockStreamException(exceptionType: string, payload: Uint8Array): ServiceError {
  const code = exceptionType.charAt(0).toUpperCase() + exceptionType.slice(1);
  const body = parseJsonObject(new TextDecoder().decode(payload)) ?? {};
  return awsError(code, STATUS[code] ?? 500, body);
}

function awsError(code: string, status: number, body: Record<string, unknown>): ServiceError {
  const message = typeof body.message === 'string' ? body.message : typeof body.Message === 'string' ? body.Message : code;
  const members: Record<string, unknown> = {};
  for (const key of MEMBERS) if (body[key] !== undefined) members[key] = body[key];
  return new ServiceError(code, message, { httpStatus: status, fault: status >= 500 ? 'server' : 'client', members });
}

/** `x-amzn-errortype: ValidationException:http://internal...`, else the body's `__type` (`ns#Code`) or `code`. */
function errorCode(header: string | null, body: Record<string, unknown>): string | undefined {
  const raw = header ?? (typeof body.__type === 'string' ? body.__type : typeof body.code === 'string' ? body.code : undefined);
  if (raw === undefined || raw === '') return undefined;
  const withoutUri = raw.split(':')[0] ?? raw;
  return withoutUri.slice(withoutUri.lastIndexOf('#') + 1) || undefined;
}
