import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { nodeHttpFetch } from './node-http-fetch.js';

describe('nodeHttpFetch', () => {
  let server: Server;
  let base = '';
  before(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        if (req.url === '/empty') return void res.writeHead(204).end();
        if (req.url === '/hang') return;
        if (req.url === '/stream') {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write('data: 1\n\n');
          return void setTimeout(() => res.end('data: 2\n\n'), 5);
        }
        res.writeHead(201, { 'content-type': 'application/json', 'x-echo-auth': req.headers.authorization ?? '' });
        res.end(JSON.stringify({ method: req.method, length: req.headers['content-length'], body: Buffer.concat(chunks).toString('utf8') }));
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  });

  test('sends the method, headers and body with its length, and answers a standard Response', async () => {
    const response = await nodeHttpFetch(`${base}/echo`, { method: 'POST', headers: { authorization: 'Bearer k' }, body: 'héllo' });
    assert.equal(response.status, 201);
    assert.equal(response.ok, true);
    assert.equal(response.headers.get('x-echo-auth'), 'Bearer k');
    assert.deepEqual(await response.json(), { method: 'POST', length: '6', body: 'héllo' });
  });

  test('a bodiless status has a null body; a streamed body is read as it comes', async () => {
    const empty = await nodeHttpFetch(`${base}/empty`, { method: 'POST', body: '' });
    assert.equal(empty.status, 204);
    assert.equal(empty.body, null);
    const streamed = await nodeHttpFetch(`${base}/stream`, { method: 'POST', body: new Uint8Array([1]) });
    assert.equal(await streamed.text(), 'data: 1\n\ndata: 2\n\n');
  });

  test('an abort rejects the call; a refused connection keeps its error code for the deadline to map', async () => {
    const controller = new AbortController();
    const pending = nodeHttpFetch(`${base}/hang`, { method: 'POST', body: '{}', signal: controller.signal });
    controller.abort();
    await assert.rejects(pending, (error: Error) => error.name === 'AbortError');
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    await assert.rejects(nodeHttpFetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: '{}' }), (error: NodeJS.ErrnoException) => error.code === 'ECONNREFUSED');
  });
});
