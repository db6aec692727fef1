import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import type { LookupFunction } from 'node:net';
import { uniqueName } from './harness.js';

/** A fresh, valid bucket name (lower case, no underscores). */
export function bucketName(prefix = 'b'): string {
  return uniqueName(prefix).toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 63);
}

/**
 * Node cannot resolve `<bucket>.localhost`, so a virtual-host SDK client gets an agent whose lookup sends every host
 * to the loopback address; the Host header (and the signature) still name `<bucket>.localhost:PORT`.
 */
export function loopbackAgent(): Agent {
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all === true) (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
  };
  return new Agent({ keepAlive: true, lookup });
}

/** A server-side S3 error as the SDK parses it (5xx, e.g. NotImplemented 501). */
export async function expectServerError(call: Promise<unknown>, code: string, status: number): Promise<void> {
  try {
    await call;
  } catch (error) {
    const parsed = error as { name: string; $metadata?: { httpStatusCode?: number } };
    assert.equal(parsed.name, code);
    assert.equal(parsed.$metadata?.httpStatusCode, status);
    return;
  }
  assert.fail(`expected ${code}, but the call succeeded`);
}

export async function drain(body: { transformToString(): Promise<string> } | undefined): Promise<string> {
  assert.ok(body !== undefined, 'a body');
  return body.transformToString();
}
