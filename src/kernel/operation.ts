import type { RequestContext } from './request-context.js';

/**
 * An AWS operation as a service implements it: decoded input in, output out, `ServiceError` thrown on failure.
 * It never sees HTTP; a protocol module decodes the wire into `input` and encodes the result.
 */
export type Operation<Input = unknown, Output = unknown> = (input: Input, ctx: RequestContext) => Promise<Output>;

/** A service's public face to the protocols: its operations by their AWS names (e.g. `PutLogEvents`). */
export interface ServiceDefinition {
  /** The SigV4 signing name that routes to this service, e.g. `logs`. */
  readonly signingName: string;
  readonly operations: ReadonlyMap<string, Operation>;
}
