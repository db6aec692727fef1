import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { Deadline } from './deadline.js';
import { readBodyChunks } from './read-body-chunks.js';

/**
 * The server-sent events of a streaming response, yielded as each arrives (parsed with `eventsource-parser`).
 * Every chunk re-arms the deadline, so only silence times out. A connection lost mid-stream throws
 * ModelStreamErrorException; the consumer stopping early cancels the upstream request.
 */
export async function* readSse(response: Response, deadline: Deadline): AsyncGenerator<EventSourceMessage> {
  const decoder = new TextDecoder();
  const pending: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => pending.push(event) });
  for await (const chunk of readBodyChunks(response, deadline)) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    while (pending.length > 0) yield pending.shift() as EventSourceMessage;
  }
  parser.feed(decoder.decode());
  while (pending.length > 0) yield pending.shift() as EventSourceMessage;
}
