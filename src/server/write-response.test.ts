import assert from 'node:assert/strict';
import { request as http1Request } from 'node:http';
import { connect } from 'node:http2';
import { test } from 'node:test';
import { listen } from './http-listener.js';
import { writeResponse } from './write-response.js';

/**
 * A stream that yields one chunk, then waits until the test releases it: the client must see the first chunk while
 * the stream is still open (the headers and each chunk are flushed, not buffered), and a client that leaves must
 * make the server stop the iterator (its `finally` runs).
 */
function gatedStream() {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let stopped: () => void = () => undefined;
  const wasStopped = new Promise<void>((resolve) => (stopped = resolve));
  async function* chunks(): AsyncGenerator<Uint8Array> {
    try {
      yield new TextEncoder().encode('first;');
      await gate;
      yield new TextEncoder().encode('second;');
    } finally {
      stopped();
    }
  }
  return { stream: chunks(), release, wasStopped };
}

async function serve(stream: AsyncIterable<Uint8Array>) {
  return listen('127.0.0.1', 0, (_request, reply) => {
    void writeResponse(reply, { status: 200, headers: { 'content-type': 'application/vnd.amazon.eventstream' }, body: '', stream }, () => undefined);
  });
}

test('HTTP/1.1: chunked, the first chunk arrives before the stream ends, then the rest', async () => {
  const gated = gatedStream();
  const listener = await serve(gated.stream);
  try {
    const received = await new Promise<string>((resolve, reject) => {
      const req = http1Request(`${listener.url}/s`, { method: 'POST' }, (res) => {
        assert.equal(res.headers['transfer-encoding'], 'chunked');
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
          if (body === 'first;') gated.release();
        });
        res.on('end', () => resolve(body));
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal(received, 'first;second;');
  } finally {
    await listener.close();
  }
});

test('HTTP/2: a client that resets the stream after the first chunk stops the iterator', { timeout: 10_000 }, async () => {
  const gated = gatedStream();
  let serverSawClose: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (serverSawClose = resolve));
  const listener = await listen('127.0.0.1', 0, (_request, reply) => {
    reply.once('close', () => serverSawClose());
    void writeResponse(reply, { status: 200, headers: {}, body: '', stream: gated.stream }, () => undefined);
  });
  const session = connect(listener.url);
  try {
    const first = await new Promise<string>((resolve, reject) => {
      const stream = session.request({ ':path': '/s', ':method': 'POST' });
      stream.setEncoding('utf8');
      stream.once('data', (chunk: string) => {
        resolve(chunk);
        stream.close();
      });
      stream.on('error', reject);
      stream.end();
    });
    assert.equal(first, 'first;');
    await closed;
    // An async generator finishes its pending step before a return() takes effect; the stop is what matters.
    gated.release();
    await gated.wasStopped;
  } finally {
    session.close();
    gated.release();
    await listener.close();
  }
});
