import type { RestMemberBinding, RestOperationBinding, RestServiceBindings } from '../../models/index.js';
import { encodeEventStream } from '../event-stream/index.js';
import type { WireResponse } from '../wire.js';
import { stringifyWithBlobs } from './json-blobs.js';

/**
 * Writes an operation's output along its bindings: header members become headers, a blob payload is the raw body,
 * an event-stream member becomes a framed stream, and the remaining members are the JSON body.
 */
export function encodeRestResponse(options: {
  readonly bindings: RestServiceBindings;
  readonly operation: RestOperationBinding;
  readonly output: unknown;
  readonly requestId: string;
  readonly pad: boolean;
}): WireResponse {
  const { operation, requestId } = options;
  const output = (typeof options.output === 'object' && options.output !== null ? options.output : {}) as Record<string, unknown>;
  const members = operation.output?.members ?? {};
  const headers: Record<string, string> = { 'x-amzn-requestid': requestId };
  const bodyMembers: Record<string, unknown> = {};
  for (const [member, m] of Object.entries(members)) {
    const value = output[member];
    if (value === undefined || value === null) continue;
    if (m.location === 'header') headers[m.name.toLowerCase()] = headerText(m, value);
    else if (m.location === 'body') bodyMembers[m.name] = value;
  }
  const stream = operation.eventStream;
  if (stream !== undefined) {
    const union = options.bindings.eventStreams[stream.union];
    const source = output[stream.member] as AsyncIterable<unknown> | undefined;
    if (union !== undefined && source !== undefined) {
      return {
        status: operation.successCode,
        headers: { 'content-type': 'application/vnd.amazon.eventstream', ...headers },
        body: '',
        stream: encodeEventStream(source, { union, toJson: stringifyWithBlobs, pad: options.pad }),
      };
    }
  }
  const payload = operation.output?.payload;
  if (payload !== undefined && members[payload]?.type === 'blob') {
    const value = output[payload];
    const body = value instanceof Uint8Array ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : Buffer.alloc(0);
    return { status: operation.successCode, headers: { 'content-type': 'application/octet-stream', ...headers }, body };
  }
  const json = payload === undefined ? bodyMembers : (output[payload] ?? {});
  return { status: operation.successCode, headers: { 'content-type': 'application/json', ...headers }, body: stringifyWithBlobs(json) };
}

function headerText(m: RestMemberBinding, value: unknown): string {
  if (m.jsonValue === true) return Buffer.from(JSON.stringify(value), 'utf8').toString('base64');
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return String(value);
}
