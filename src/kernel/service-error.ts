/**
 * The one error type services throw. It carries the AWS error code and what the wire needs to render it;
 * protocols turn it into each protocol's exact error shape. Services never pick HTTP statuses by hand
 * beyond the `httpStatus` recorded here (AWS's JSON services answer 400 to client errors).
 */
export type ErrorFault = 'client' | 'server';

export interface ServiceErrorOptions {
  /** HTTP status; defaults to 400 for client faults and 500 for server faults. */
  readonly httpStatus?: number;
  readonly fault?: ErrorFault;
  /** Extra modeled members of the error shape, e.g. `{ resourceName }` or `{ queryCompileError }`. */
  readonly members?: Readonly<Record<string, unknown>>;
  /** The awsQuery error code for query-compatible services (CloudWatch), e.g. `ResourceNotFound`. */
  readonly queryCode?: string;
  readonly cause?: unknown;
}

export class ServiceError extends Error {
  readonly code: string;
  readonly httpStatus: number;
  readonly fault: ErrorFault;
  readonly members: Readonly<Record<string, unknown>>;
  readonly queryCode: string | undefined;

  constructor(code: string, message: string, options: ServiceErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = code;
    this.code = code;
    this.fault = options.fault ?? 'client';
    this.httpStatus = options.httpStatus ?? (this.fault === 'client' ? 400 : 500);
    this.members = options.members ?? {};
    this.queryCode = options.queryCode;
  }
}

export function isServiceError(value: unknown): value is ServiceError {
  return value instanceof ServiceError;
}
