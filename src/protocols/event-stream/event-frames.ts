import { EventStreamCodec, type MessageHeaders } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

/**
 * The three kinds of AWS event-stream message a server sends (spec 0.6), encoded by the SDKs' own codec (prelude,
 * headers, payload and both CRC32s). Headers are written in the order real Bedrock sends them: `:event-type` (or
 * `:exception-type`), `:content-type`, `:message-type`.
 */
const codec = new EventStreamCodec(toUtf8, fromUtf8);

const str = (value: string): { readonly type: 'string'; readonly value: string } => ({ type: 'string', value });

/** A modeled event: `:event-type` is the union member name, the payload the event structure's JSON. */
export function eventFrame(eventType: string, json: string): Uint8Array {
  const headers: MessageHeaders = { ':event-type': str(eventType), ':content-type': str('application/json'), ':message-type': str('event') };
  return codec.encode({ headers, body: fromUtf8(json) });
}

/** A modeled error: `:exception-type` is the union member name (e.g. `throttlingException`), payload `{"message"...}`. */
export function exceptionFrame(exceptionType: string, json: string): Uint8Array {
  const headers: MessageHeaders = {
    ':exception-type': str(exceptionType),
    ':content-type': str('application/json'),
    ':message-type': str('exception'),
  };
  return codec.encode({ headers, body: fromUtf8(json) });
}

/** An error the union does not model: code and message travel in headers, the payload is empty. */
export function errorFrame(code: string, message: string): Uint8Array {
  const headers: MessageHeaders = { ':error-code': str(code), ':error-message': str(message), ':message-type': str('error') };
  return codec.encode({ headers, body: new Uint8Array(0) });
}
