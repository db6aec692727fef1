import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EventStreamCodec, type Message } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { ServiceError } from '../../kernel/index.js';
import type { EventStreamUnion } from '../../models/index.js';
import { encodeEventStream } from './encode-event-stream.js';

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const union: EventStreamUnion = {
  events: { messageStart: 'MessageStartEvent', chunk: 'PayloadPart' },
  exceptions: { throttlingException: 'ThrottlingException', internalServerException: 'InternalServerException' },
};

async function decodeAll(source: AsyncIterable<unknown>, pad = false): Promise<Message[]> {
  const out: Message[] = [];
  for await (const frame of encodeEventStream(source, { union, toJson: JSON.stringify, pad })) out.push(codec.decode(frame));
  return out;
}
const headers = (m: Message | undefined) => Object.fromEntries(Object.entries(m?.headers ?? {}).map(([k, v]) => [k, v.value]));
const payload = (m: Message | undefined) => JSON.parse(toUtf8(m?.body ?? new Uint8Array())) as Record<string, unknown>;

describe('event-stream encoder', () => {
  test('events: headers in Bedrock’s order, the event structure as JSON, optional "p" padding', async () => {
    async function* source() {
      yield { messageStart: { role: 'assistant' } };
    }
    const [plain] = await decodeAll(source());
    assert.deepEqual(Object.keys(plain?.headers ?? {}), [':event-type', ':content-type', ':message-type']);
    assert.deepEqual(headers(plain), { ':event-type': 'messageStart', ':content-type': 'application/json', ':message-type': 'event' });
    assert.deepEqual(payload(plain), { role: 'assistant' });
    const [padded] = await decodeAll(source(), true);
    assert.match(String(payload(padded).p), /^[a-zA-Z0-9]+$/);
    assert.equal(payload(padded).role, 'assistant');
  });

  test('a modeled ServiceError ends the stream as an exception frame named by the union member', async () => {
    async function* source() {
      yield { messageStart: { role: 'assistant' } };
      throw new ServiceError('ThrottlingException', 'slow down');
    }
    const frames = await decodeAll(source());
    assert.equal(frames.length, 2);
    assert.deepEqual(Object.keys(frames[1]?.headers ?? {}), [':exception-type', ':content-type', ':message-type']);
    assert.deepEqual(headers(frames[1]), { ':exception-type': 'throttlingException', ':content-type': 'application/json', ':message-type': 'exception' });
    assert.deepEqual(payload(frames[1]), { message: 'slow down' });
  });

  test('an unmodeled ServiceError is an error frame; an unexpected failure is internalServerException', async () => {
    async function* unmodeled() {
      yield* [];
      throw new ServiceError('AccessDeniedException', 'no');
    }
    const [error] = await decodeAll(unmodeled());
    assert.deepEqual(headers(error), { ':error-code': 'AccessDeniedException', ':error-message': 'no', ':message-type': 'error' });
    assert.equal(error?.body.length, 0);
    async function* crash() {
      yield* [];
      throw new TypeError('bug');
    }
    const [internal] = await decodeAll(crash());
    assert.equal(headers(internal)[':exception-type'], 'internalServerException');
    assert.doesNotMatch(toUtf8(internal?.body ?? new Uint8Array()), /bug/);
  });

  test('a value that is not one union member is refused with an error frame', async () => {
    async function* source() {
      yield { notAnEvent: {} };
    }
    const [frame] = await decodeAll(source());
    assert.equal(headers(frame)[':message-type'], 'error');
  });

  test('stopping the encoder stops the source', async () => {
    let stopped = false;
    async function* source() {
      try {
        for (;;) yield { chunk: { bytes: 'AA==' } };
      } finally {
        stopped = true;
      }
    }
    const frames = encodeEventStream(source(), { union, toJson: JSON.stringify });
    await frames.next();
    await frames.return(undefined);
    assert.equal(stopped, true);
  });
});
