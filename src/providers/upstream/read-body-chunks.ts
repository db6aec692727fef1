import type { Deadline } from './deadline.js';

/**
 * A streaming response body, chunk by chunk. The deadline is armed only while waiting for the upstream, so only its
 * silence times out (never a slow consumer); a read that fails mid-stream is the deadline's failure
 * (ModelStreamErrorException); a consumer that stops early cancels the upstream request.
 */
export async function* readBodyChunks(response: Response, deadline: Deadline): AsyncGenerator<Uint8Array> {
  const body = response.body;
  if (body === null) return;
  const reader = body.getReader();
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
      yield chunk.value;
    }
    finished = true;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
