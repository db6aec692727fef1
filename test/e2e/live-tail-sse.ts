import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { REGION, TEST_CREDENTIALS } from './harness.js';

/** Test support for the console stream: presigned URLs made by the SDK's own signer, and a fetch-based SSE reader. */

export interface PresignOptions {
  readonly service?: string;
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly expiresIn?: number;
}

/** `GET /_modelwatch/tail?...` presigned with signing name `logs`, as a browser console would get it. */
export async function presignTailUrl(endpoint: string, params: Readonly<Record<string, string | readonly string[]>>, options: PresignOptions = {}): Promise<string> {
  const url = new URL(endpoint);
  const signer = new SignatureV4({
    service: options.service ?? 'logs',
    region: REGION,
    credentials: { ...(options.credentials ?? TEST_CREDENTIALS) },
    sha256: Hash.bind(null, 'sha256'),
  });
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(params)) query[key] = typeof value === 'string' ? value : [...value];
  const signed = await signer.presign(
    { method: 'GET', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/_modelwatch/tail', query, headers: { host: url.host } },
    { expiresIn: options.expiresIn ?? 900 },
  );
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(signed.query ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) if (one !== null) search.append(key, one);
  }
  return `${endpoint}/_modelwatch/tail?${search.toString()}`;
}

export interface SseConnection {
  readonly status: number;
  /** Resolves once `count` events (beyond those already taken) have arrived, and takes them. */
  take(count: number, timeoutMs?: number): Promise<EventSourceMessage[]>;
  /** Events received and not yet taken. */
  pending(): EventSourceMessage[];
  close(): void;
}

/** Opens the stream with node's fetch and parses it as an EventSource would; resolves once the headers arrived. */
export async function openSse(url: string, headers: Readonly<Record<string, string>> = {}): Promise<SseConnection> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const received: EventSourceMessage[] = [];
  let notify: (() => void) | undefined;
  const parser = createParser({ onEvent: (event) => { received.push(event); notify?.(); } });
  const pump = async (): Promise<void> => {
    const body = response.body;
    if (body === null) return;
    const decoder = new TextDecoder();
    try {
      for await (const chunk of body) parser.feed(decoder.decode(chunk, { stream: true }));
    } catch {
      // aborted by close()
    }
  };
  if (response.status === 200) void pump();
  return {
    status: response.status,
    async take(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} events, got ${received.length}: ${JSON.stringify(received)}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          notify = () => { clearTimeout(timer); resolve(); };
        });
      }
      return received.splice(0, count);
    },
    pending: () => [...received],
    close: () => abort.abort(),
  };
}

/** Reads an error answer's body (the stream is not 200). */
export async function errorBody(url: string, headers: Readonly<Record<string, string>> = {}): Promise<{ status: number; type: string | null; body: { __type?: string; message?: string } }> {
  const response = await fetch(url, { headers });
  return { status: response.status, type: response.headers.get('x-amzn-errortype'), body: (await response.json()) as { __type?: string; message?: string } };
}
