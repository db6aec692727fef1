/**
 * The HTTP bindings of a restJson1 service, generated from its API model (scripts/generate-models.ts): which
 * method and URI template each operation answers, where each input and output member travels (URI label, query
 * string, header, raw payload or JSON body), the event-stream unions, and every modeled error's HTTP status. The
 * rest-json codec reads only this data, so no operation is wired by hand.
 */

export type RestLocation = 'uri' | 'querystring' | 'header' | 'payload' | 'body';

/** The wire type of a bound scalar, which decides how header and query text is parsed. */
export type RestScalarType = 'string' | 'integer' | 'long' | 'float' | 'double' | 'boolean' | 'timestamp' | 'blob' | 'other';

export interface RestMemberBinding {
  readonly location: RestLocation;
  /** The header name, query key or URI label; the JSON key for body members. */
  readonly name: string;
  readonly shape: string;
  readonly type: RestScalarType;
  /** A header carrying JSON, base64-encoded on the wire (Smithy `@mediaType("application/json")`). */
  readonly jsonValue?: boolean;
  /** A header AWS sends although the model does not list it (e.g. `X-Amzn-Bedrock-Input-Token-Count`). */
  readonly unmodeled?: boolean;
}

export interface RestShapeBinding {
  readonly shape: string;
  readonly members: Readonly<Record<string, RestMemberBinding>>;
  /** The member that is the whole HTTP payload (a blob, or an event stream). */
  readonly payload?: string;
}

export interface RestOperationBinding {
  readonly method: string;
  /** e.g. `/model/{modelId}/converse`; `{name+}` is a greedy label. */
  readonly uri: string;
  readonly successCode: number;
  readonly input?: RestShapeBinding;
  readonly output?: RestShapeBinding;
  /** The output member that is an event stream, and its union shape. */
  readonly eventStream?: { readonly member: string; readonly union: string };
}

export interface EventStreamUnion {
  /** Union member name (the `:event-type`) -> event shape. */
  readonly events: Readonly<Record<string, string>>;
  /** Union member name (the `:exception-type`) -> error shape name (the error code). */
  readonly exceptions: Readonly<Record<string, string>>;
}

export interface RestErrorBinding {
  readonly httpStatus: number;
  readonly fault: 'client' | 'server';
}

export interface RestServiceBindings {
  readonly operations: Readonly<Record<string, RestOperationBinding>>;
  readonly eventStreams: Readonly<Record<string, EventStreamUnion>>;
  readonly errors: Readonly<Record<string, RestErrorBinding>>;
}
