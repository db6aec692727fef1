import { randomUUID } from 'node:crypto';
import { ServiceError, isServiceError, type Clock, type ServiceDefinition } from '../kernel/index.js';
import type { ProtocolCodec, Router, WireRequest, WireResponse } from '../protocols/index.js';
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
  readonly logError: (message: string, error: unknown) => void;
}

export type Dispatcher = (request: WireRequest) => Promise<WireResponse>;

/** route -> authenticate -> decode -> run the operation -> encode; every failure becomes the protocol's AWS error. */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  return async (request) => {
    const requestId = randomUUID();
    const scope = parseCredentialScope(request);
    const route = options.router.route(request, scope?.service);
    if (route === undefined) {
      const error = new ServiceError('UnknownOperationException', 'No AWS service here answers this request.');
      return options.fallbackCodec.encodeError(error, requestId);
    }
    const { codec, target } = route;
    let operation: string | undefined;
    try {
      const authenticated = await authenticate(request, options.auth, options.clock.now()).catch((error: unknown) => {
        throw isServiceError(error) ? target.mapAuthError(error) : error;
      });
      if (authenticated.signingName !== target.service.signingName) {
        throw target.mapAuthError(
          new ServiceError('InvalidSignatureException', `Credential should be scoped to correct service: '${target.service.signingName}'. `),
        );
      }
      const call = codec.decode(request);
      operation = call.operation;
      const handler = target.service.operations.get(call.operation);
      if (handler === undefined) throw target.unknownOperation(call.operation);
      const output = await handler(call.input, {
        caller: authenticated.caller,
        requestId,
        clock: options.clock,
        ...(request.signal === undefined ? {} : { signal: request.signal }),
      });
      return codec.encodeOutput(call, output, requestId);
    } catch (error) {
      if (isServiceError(error)) return codec.encodeError(error, requestId, operation);
      options.logError(`request ${requestId} (${operation ?? 'undecoded'}) failed`, error);
      return codec.encodeError(target.internalError(), requestId, operation);
    }
  };
}
