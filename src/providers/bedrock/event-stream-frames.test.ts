import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { Deadline } from '../upstream/deadline.js';
import { headerString, readEventStreamFrames } from './event-stream-frames.js';

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const frame = (type: string, json: string): Uint8Array =>
  codec.encode({ headers: { ':event-type': { type: 'string', value: type }, ':message-type': { type: 'string', value: 'event' } }, body: fromUtf8(json) });

/** A response whose body arrives in pieces of `size` bytes, as TCP may cut it. */
function responseOf(bytes: Uint8Array, size: number): Response {
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
  return new Response(body);
}

async function read(response: Response): Promise<string[]> {
  const deadline = new Deadline(new AbortController().signal, 1000);
  const out: string[] = [];
  try {
    for await (const message of readEventStreamFrames(response, deadline)) out.push(`${headerString(message, ':event-type')}:${toUtf8(message.body)}`);
  } finally {
    deadline.dispose();
  }
  return out;
}

describe('readEventStreamFrames', () => {
  const all = new Uint8Array([...frame('messageStart', '{"role":"assistant"}'), ...frame('messageStop', '{"stopReason":"end_turn"}')]);

  it('reassembles frames cut at any byte, and splits frames that share a chunk', async () => {
    for (const size of [1, 7, 16, all.byteLength]) {
      assert.deepEqual(await read(responseOf(all, size)), ['messageStart:{"role":"assistant"}', 'messageStop:{"stopReason":"end_turn"}'], `size ${size}`);
    }
  });

  it('refuses a truncated or corrupt stream with ModelStreamErrorException', async () => {
    await assert.rejects(read(responseOf(all.slice(0, all.byteLength - 3), 10)), { code: 'ModelStreamErrorException' });
    const corrupt = all.slice();
    corrupt[20] = (corrupt[20] ?? 0) ^ 0xff;
    await assert.rejects(read(responseOf(corrupt, 64)), { code: 'ModelStreamErrorException' });
  });
});
