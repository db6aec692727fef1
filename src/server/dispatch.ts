import { randomUUID } from 'node:crypto';
import { ServiceError, isServiceError, type Clock, type RequestContext, type ServiceDefinition } from '../kernel/index.js';
import type { DecodedCall, ProtocolCodec, Router, WireRequest, WireResponse } from '../protocols/index.js';
import { authenticate, parseCredentialScope, type AuthConfig } from '../auth/index.js';

/** What the server attaches to each route: the service, and how that service's protocol names common failures. */
export interface ServiceRoute {
  readonly service: ServiceDefinition;
  readonly unknownOperation: (operation: string) => ServiceError;
  /** Auth failures are raised with JSON-protocol codes; awsQuery services rename them. */
  readonly mapAuthError: (error: ServiceError) => ServiceError;
  /** A fault that is ours, never the client's: the service's 5xx error. */
  readonly internalError: () => ServiceError;
}

export interface DispatcherOptions {
  readonly router: Router<ServiceRoute>;
  readonly auth: AuthConfig;
  readonly clock: Clock;
  /** The codec that answers requests no route claims. */
  readonly fallbackCodec: ProtocolCodec;
  /** A more specific answer for some unclaimed requests (an S3 SigV2 request gets S3's XML); undefined for the rest. */
  readonly unrouted?: (request: WireRequest, requestId: string) => WireResponse | undefined;
  readonly logError: (message: string, error: unknown) => void;
  /** Told about every answered request (Prometheus request metrics); must return at once. */
  readonly observe?: (observation: { service: string; operation: string; status: number; seconds: number }) => void;
}

export type Dispatcher = (request: WireRequest) => Promise<WireResponse>;

interface StartedOperation {
  readonly operation: string;
  readonly output: Promise<unknown>;
}

/**
 * Starts the decoded call's operation. Not async, and the decoded input is not kept: whatever holds the input while
 * the operation runs keeps a PutLogEvents batch (4,500 events, slices of the 1 MB body) alive through its commit,
 * long enough to be promoted into V8's old generation (operations/put-log-events.ts).
 */
function startOperation(target: ServiceRoute, call: DecodedCall, ctx: RequestContext): StartedOperation {
  const handler = target.service.operations.get(call.operation);
  try {
    if (handler === undefined) throw target.unknownOperation(call.operation);
    return { operation: call.operation, output: handler(call.input, ctx) };
  } catch (error) {
    return { operation: call.operation, output: Promise.reject(error) };
  }
}

/** route -> authenticate -> decode -> run the operation -> encode; every failure becomes the protocol's AWS error. */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const answer = answerWith(options);
  const observe = options.observe;
  if (observe === undefined) return async (request) => (await answer(request)).response;
  return async (request) => {
    const started = performance.now();
    const { response, service, operation } = await answer(request);
    observe({ service, operation, status: response.status, seconds: (performance.now() - started) / 1000 });
    return response;
  };
}

interface Answered {
  readonly response: WireResponse;
  /** The answering service's signing name, or `none` when no route claimed the request. */
  readonly service: string;
  readonly operation: string;
}

function answerWith(options: DispatcherOptions): (request: WireRequest) => Promise<Answered> {
  return async (request) => {
    const requestId = randomUUID();
    const scope = parseCredentialScope(request);
    const route = options.router.route(request, scope?.service);
    if (route === undefined) {
      const specific = options.unrouted?.(request, requestId);
      if (specific !== undefined) return { response: specific, service: 'none', operation: 'unknown' };
      const error = new ServiceError('UnknownOperationException', 'No AWS service here answers this request.');
      return { response: options.fallbackCodec.encodeError(error, requestId), service: 'none', operation: 'unknown' };
    }
    const { codec, target } = route;
    let operation: string | undefined;
    const service = target.service.signingName;
    // Only served operations name a series: a client inventing operation names must not grow the exposition.
    const answered = (response: WireResponse): Answered => ({
      response, service, operation: operation !== undefined && target.service.operations.has(operation) ? operation : 'unknown',
    });
    try {
      const authenticated = await authenticate(request, options.auth, options.clock.now()).catch((error: unknown) => {
        throw isServiceError(error) ? target.mapAuthError(error) : error;
      });
      if (authenticated.signingName !== target.service.signingName) {
        throw target.mapAuthError(
          new ServiceError('InvalidSignatureException', `Credential should be scoped to correct service: '${target.service.signingName}'. `),
        );
      }
      const started = startOperation(target, codec.decode(request), {
        caller: authenticated.caller,
        requestId,
        clock: options.clock,
        ...(request.signal === undefined ? {} : { signal: request.signal }),
      });
      operation = started.operation;
      const output = await started.output;
      return answered(codec.encodeOutput({ operation: started.operation, input: undefined }, output, requestId));
    } catch (error) {
      if (isServiceError(error)) return answered(codec.encodeError(error, requestId, operation));
      options.logError(`request ${requestId} (${operation ?? 'undecoded'}) failed`, error);
      return answered(codec.encodeError(target.internalError(), requestId, operation));
    }
  };
}
