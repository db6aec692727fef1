import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:http2';
import { listen } from './http-listener.js';

test('one port answers HTTP/1.1 and cleartext HTTP/2 with prior knowledge', async () => {
  const listener = await listen('127.0.0.1', 0, (request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end(`http ${request.httpVersion}`);
  });
  try {
    const http1 = await fetch(`${listener.url}/x`);
    assert.equal(await http1.text(), 'http 1.1');

    const session = connect(listener.url);
    const text = await new Promise<string>((resolve, reject) => {
      const stream = session.request({ ':path': '/x', ':method': 'GET' });
      let body = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (body += chunk));
      stream.on('end', () => resolve(body));
      stream.on('error', reject);
    });
    session.close();
    assert.equal(text, 'http 2.0');
  } finally {
    await listener.close();
  }
});

test('close waits for in-flight requests to finish', async () => {
  let finish: (() => void) | undefined;
  const listener = await listen('127.0.0.1', 0, (_request, response) => {
    finish = () => response.end('done');
  });
  const pending = fetch(`${listener.url}/slow`).then((r) => r.text());
  while (finish === undefined) await new Promise((r) => setTimeout(r, 5));
  let closed = false;
  const closing = listener.close().then(() => (closed = true));
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(closed, false, 'must not close while a request is in flight');
  finish();
  assert.equal(await pending, 'done');
  await closing;
  assert.equal(closed, true);
});
