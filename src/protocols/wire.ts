import type { ServiceError } from '../kernel/index.js';

/** An HTTP request as the protocols see it: already read in full, body un-gzipped, header names lower-case. */
export interface WireRequest {
  readonly method: string;
  /** The raw path as sent (still percent-encoded), without the query string. */
  readonly path: string;
  /** The raw query string without `?` (may be empty). */
  readonly rawQuery: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** The body bytes as sent, when they differ from `body` (a gzip request); SigV4 signatures cover these. */
  readonly rawBody?: Buffer;
  /** Aborted when the client goes away before the response is complete. */
  readonly signal?: AbortSignal;
}

export interface WireResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer | string;
  /**
   * A body streamed after the headers (an event stream). The server writes the headers at once and each chunk as
   * it comes, and stops the iterator (`return()`) when the client goes away. `body` is ignored when this is set.
   */
  readonly stream?: AsyncIterable<Uint8Array>;
}

/** What a protocol decoded: the operation's AWS name and its input as plain data. */
export interface DecodedCall {
  readonly operation: string;
  readonly input: unknown;
}

/**
 * One wire format. It decodes a request into an operation call and encodes results and errors exactly as the
 * AWS SDKs expect for that protocol. It knows nothing about what the operations do.
 */
export interface ProtocolCodec {
  /** Throws `ServiceError` (e.g. SerializationException, UnknownOperationException) for malformed requests. */
  decode(request: WireRequest): DecodedCall;
  encodeOutput(call: DecodedCall, output: unknown, requestId: string): WireResponse;
  encodeError(error: ServiceError, requestId: string, operation?: string): WireResponse;
}
