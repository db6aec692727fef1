import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { Deadline } from './deadline.js';

/**
 * The server-sent events of a streaming response, yielded as each arrives (parsed with `eventsource-parser`).
 * Every chunk re-arms the deadline, so only silence times out. A connection lost mid-stream throws
 * ModelStreamErrorException; the consumer stopping early cancels the upstream request.
 */
export async function* readSse(response: Response, deadline: Deadline): AsyncGenerator<EventSourceMessage> {
  const body = response.body;
  if (body === null) return;
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const pending: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => pending.push(event) });
  let finished = false;
  try {
    for (;;) {
      deadline.arm();
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw deadline.failure(error, true);
      }
      deadline.disarm();
      if (chunk.done) break;
      parser.feed(decoder.decode(chunk.value, { stream: true }));
      while (pending.length > 0) yield pending.shift() as EventSourceMessage;
    }
    parser.feed(decoder.decode());
    while (pending.length > 0) yield pending.shift() as EventSourceMessage;
    finished = true;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
