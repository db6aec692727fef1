import type { ServerResponse } from 'node:http';
import type { Http2ServerResponse } from 'node:http2';
import type { WireResponse } from '../protocols/index.js';

type Reply = ServerResponse | Http2ServerResponse;

/**
 * Writes a WireResponse on HTTP/1.1 or HTTP/2. A streamed body (an event stream) gets its headers at once and each
 * chunk as the iterator yields it, flushed, because the JS SDK resolves the call only after the first event; HTTP/1.1
 * sends it chunked. When the client goes away the iterator is stopped, which stops the operation behind it.
 */
export async function writeResponse(reply: Reply, response: WireResponse, logError: (message: string, error: unknown) => void): Promise<void> {
  if (reply.headersSent || reply.destroyed) return;
  if (response.stream === undefined) {
    const body = typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : response.body;
    // A bodiless answer may declare a length of its own (S3 HeadObject reports the object's size).
    const declared = response.headers['content-length'];
    const length = body.length === 0 && declared !== undefined ? declared : String(body.length);
    reply.writeHead(response.status, { ...response.headers, 'content-length': length });
    reply.end(body);
    return;
  }
  reply.writeHead(response.status, response.headers);
  const batch = writeBatcher(reply);
  batch.hold();
  (reply as { flushHeaders?: () => void }).flushHeaders?.();
  const iterator = response.stream[Symbol.asyncIterator]();
  let gone = false;
  const onClose = (): void => {
    gone = true;
    void iterator.return?.();
  };
  reply.once('close', onClose);
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done === true || gone) break;
      batch.hold();
      if (!writeChunk(reply, next.value)) await drained(reply);
    }
  } catch (error) {
    // The encoder turns every failure into a frame; reaching here means the stream itself broke.
    logError('event stream failed', error);
  } finally {
    reply.off('close', onClose);
    if (!gone && !reply.destroyed) reply.end();
  }
}

/**
 * Groups the frames a stream produces within one turn of the event loop into one socket write (HTTP/1.1 only:
 * `cork` until `setImmediate`), instead of one syscall per frame: an upstream's chunks usually arrive together in one
 * read, and on a busy machine each write costs more than encoding the frame. The headers ride with the first frame.
 * Nothing waits longer than that one turn, so the first frame is still flushed at once.
 */
function writeBatcher(reply: Reply): { hold(): void } {
  const corkable = reply as Partial<Pick<ServerResponse, 'cork' | 'uncork'>>;
  if (typeof corkable.cork !== 'function' || typeof corkable.uncork !== 'function' || 'stream' in reply) return { hold: () => undefined };
  let held = false;
  return {
    hold() {
      if (held) return;
      held = true;
      corkable.cork?.();
      setImmediate(() => {
        held = false;
        if (!reply.destroyed && !reply.writableEnded) corkable.uncork?.();
      });
    },
  };
}

function writeChunk(reply: Reply, chunk: Uint8Array): boolean {
  return (reply as { write(chunk: Uint8Array): boolean }).write(chunk);
}

function drained(reply: Reply): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      reply.off('drain', done);
      reply.off('close', done);
      resolve();
    };
    reply.once('drain', done);
    reply.once('close', done);
  });
}
