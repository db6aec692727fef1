import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import type { Deadline } from '../upstream/deadline.js';
import { readBodyChunks } from '../upstream/read-body-chunks.js';
import { streamFailure } from '../upstream/upstream-errors.js';

const codec = new EventStreamCodec(toUtf8, fromUtf8);

export type EventStreamMessage = ReturnType<EventStreamCodec['decode']>;

/**
 * The AWS event-stream messages of a response body, decoded (and CRC-checked) by @smithy's codec as they arrive.
 * The codec decodes whole messages only, so bytes are buffered until a message's prelude length is complete.
 */
export async function* readEventStreamFrames(response: Response, deadline: Deadline): AsyncGenerator<EventStreamMessage> {
  let buffer: Uint8Array = new Uint8Array(0);
  for await (const chunk of readBodyChunks(response, deadline)) {
    buffer = concat(buffer, chunk);
    for (;;) {
      if (buffer.byteLength < 4) break;
      const total = new DataView(buffer.buffer, buffer.byteOffset, 4).getUint32(0, false);
      if (total < 16) throw streamFailure(`The upstream sent an event-stream message of ${total} bytes.`);
      if (buffer.byteLength < total) break;
      yield decode(buffer.subarray(0, total));
      buffer = buffer.subarray(total);
    }
  }
  if (buffer.byteLength > 0) throw streamFailure('The upstream closed the event stream in the middle of a message.');
}

function decode(bytes: Uint8Array): EventStreamMessage {
  try {
    return codec.decode(bytes);
  } catch (error) {
    throw streamFailure(`The upstream sent a corrupt event-stream message (${error instanceof Error ? error.message : String(error)}).`);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.byteLength === 0) return b;
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}

/** A string header's value (`:event-type`, `:message-type`...). */
export function headerString(message: EventStreamMessage, name: string): string | undefined {
  const header = message.headers[name];
  return header !== undefined && header.type === 'string' ? header.value : undefined;
}
