import { ServiceError } from '../../kernel/index.js';

/**
 * One mapping of upstream (model backend) failures to Bedrock runtime's errors (spec 3.6), shared by every HTTP
 * backend. The upstream's key belongs to the operator, not the caller, so an upstream 401/403 is the model's failure
 * (ModelErrorException 424 with `originalStatusCode`), never an AccessDeniedException about the caller.
 */

export interface UpstreamFailure {
  readonly status: number;
  /** The upstream's own error text (already extracted from its JSON body when it had one). */
  readonly message: string;
  /** Model name the backend knows, reported as ModelErrorException's `resourceName`. */
  readonly resourceName: string;
}

/** A non-2xx upstream answer. */
export function upstreamStatusError(failure: UpstreamFailure): ServiceError {
  const { status, message, resourceName } = failure;
  if (status === 429) return throttling();
  if (status === 400 || status === 413 || status === 422) {
    return new ServiceError('ValidationException', message, { httpStatus: 400 });
  }
  if (status === 408 || status === 504) return modelTimeout();
  // 529 is Anthropic's "overloaded"; like 503 it means "try later", which Bedrock says with 503. [unconfirmed]
  if (status === 503 || status === 529) return serviceUnavailable();
  return new ServiceError('ModelErrorException', `Received error ${status} from the model backend: ${message}`, {
    httpStatus: 424,
    members: { originalStatusCode: status, resourceName },
  });
}

/** The upstream answered 2xx but its body is not what its protocol promises. */
export function malformedUpstream(detail: string, resourceName: string): ServiceError {
  return new ServiceError('ModelErrorException', `The model backend returned a malformed response: ${detail}`, {
    httpStatus: 424,
    members: { originalStatusCode: 200, resourceName },
  });
}

/** The stream broke after it had started (disconnect, malformed event, in-stream error from the upstream). */
export function streamFailure(originalMessage: string, originalStatusCode?: number): ServiceError {
  const members: Record<string, unknown> = { originalMessage };
  if (originalStatusCode !== undefined) members.originalStatusCode = originalStatusCode;
  return new ServiceError(
    'ModelStreamErrorException',
    'The model stream was interrupted by an error from the model backend.',
    { httpStatus: 424, members },
  );
}

export function throttling(): ServiceError {
  return new ServiceError('ThrottlingException', 'Too many requests, please wait before trying again.', {
    httpStatus: 429,
  });
}

export function modelTimeout(): ServiceError {
  return new ServiceError('ModelTimeoutException', 'Model has timed out in processing the request. Try your request again.', {
    httpStatus: 408,
  });
}

/**
 * The backend could not be reached (refused, reset, DNS). Bedrock answers an unreachable model fleet with
 * ServiceUnavailableException 503 rather than InternalServerException, and SDKs retry it. [unconfirmed]
 */
export function serviceUnavailable(reason?: string): ServiceError {
  const suffix = reason === undefined ? '' : ` (${reason})`;
  return new ServiceError('ServiceUnavailableException', `The model backend is unavailable${suffix}. Try your request again.`, {
    httpStatus: 503,
    fault: 'server',
  });
}

/** A backend refusing a request shape it cannot carry (e.g. a PDF to a text-only chat API). */
export function unsupportedInput(message: string): ServiceError {
  return new ServiceError('ValidationException', message, { httpStatus: 400 });
}
