import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { BodyBufferPool } from './body-buffer-pool.js';
import { readRequest, type ReadRequest } from './read-request.js';

/** Sends one request to a real HTTP server whose handler reads it with `readRequest`, and returns what it read. */
async function readOver(pool: BodyBufferPool, body: Buffer, headers: Record<string, string>): Promise<ReadRequest> {
  let read: Promise<ReadRequest> | undefined;
  const server = createServer((message: IncomingMessage, reply) => {
    read = readRequest(message, { bodyPool: pool });
    void read.finally(() => reply.end('ok'));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  try {
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((done, fail) => {
      const client = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/', headers }, (response) => {
        response.resume();
        response.once('end', done);
      });
      client.once('error', fail);
      // Several writes, so the server sees the body in several chunks.
      for (let offset = 0; offset < body.length; offset += 50_000) client.write(body.subarray(offset, offset + 50_000));
      client.end();
    });
  } finally {
    server.close();
  }
  assert.ok(read !== undefined);
  return read;
}

const bytes = (size: number): Buffer => Buffer.from(Array.from({ length: size }, (_, i) => i % 251));

describe('readRequest', () => {
  it('reads a large body into a pooled buffer, exactly, and hands the buffer back once released', async () => {
    const pool = new BodyBufferPool();
    const body = bytes(300_000);
    const { request, release } = await readOver(pool, body, { 'content-length': String(body.length) });
    assert.ok(request.body.equals(body));
    const underlying = request.body.buffer;
    release();
    release(); // a second release must not pool the buffer twice
    const next = pool.take(300_000);
    assert.equal(next?.buffer, underlying, 'the same memory serves the next body');
    assert.notEqual(pool.take(300_000)?.buffer, underlying);
  });

  it('reads a chunked body of unknown length without the pool, and un-gzips a pooled one', async () => {
    const pool = new BodyBufferPool();
    const body = bytes(200_000);
    const chunked = await readOver(pool, body, { 'transfer-encoding': 'chunked' });
    assert.ok(chunked.request.body.equals(body));
    const plain = randomBytes(200_000); // incompressible, so the gzip body is large enough to be pooled
    const zipped = gzipSync(plain);
    const gz = await readOver(pool, zipped, { 'content-length': String(zipped.length), 'content-encoding': 'gzip' });
    assert.ok(gz.request.body.equals(plain));
    assert.ok(gz.request.rawBody?.equals(zipped));
  });
});
