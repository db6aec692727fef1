import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { createParser } from 'eventsource-parser';
import type { Endpoint } from './signed-client.js';

/** Console live-tail sessions for the tail bench: presigned SSE streams read with fetch, timing each arrival. */

const signer = new SignatureV4({ credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, region: 'us-east-1', service: 'logs', sha256: Hash.bind(null, 'sha256') });

export interface TailSession {
  /** Event id (from the message) -> when it arrived (the caller's clock). */
  readonly arrivals: Map<number, number>;
  dropped: number;
  close(): void;
}

export async function openTailSession(endpoint: Endpoint, logGroupName: string, pattern: string, clock: () => number): Promise<TailSession> {
  const signed = await signer.presign({
    method: 'GET', protocol: 'http:', hostname: endpoint.host, port: endpoint.port, path: '/_modelwatch/tail',
    headers: { host: `${endpoint.host}:${endpoint.port}` },
    query: { logGroupIdentifier: logGroupName, ...(pattern === '' ? {} : { logEventFilterPattern: pattern }) },
  }, { expiresIn: 3600 });
  const url = `http://${endpoint.host}:${endpoint.port}/_modelwatch/tail?${new URLSearchParams(signed.query as Record<string, string>)}`;
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal });
  if (response.status !== 200 || response.body === null) throw new Error(`console tail answered HTTP ${response.status}: ${await response.text()}`);
  const session: TailSession = { arrivals: new Map(), dropped: 0, close: () => abort.abort() };
  const parser = createParser({
    onEvent: (event) => {
      const now = clock();
      if (event.event === 'dropped') {
        session.dropped += (JSON.parse(event.data) as { dropped: number }).dropped;
        return;
      }
      // Messages are JSON with an `id`; reading it with a regex keeps the client's CPU share small.
      const id = /id\\":(\d+)/.exec(event.data)?.[1];
      if (id !== undefined) session.arrivals.set(Number(id), now);
    },
  });
  const body = response.body;
  void (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of body) parser.feed(decoder.decode(chunk, { stream: true }));
    } catch {
      // closed
    }
  })();
  return session;
}

/** Twenty different patterns, from match-everything to selective JSON, term, regex and space-delimited ones. */
export const TAIL_PATTERNS: readonly string[] = [
  '', '" "', 'ERROR', '?ERROR ?WARN', 'request', '{ $.level = "ERROR" }', '{ $.latencyMs > 500 }', '{ $.latencyMs >= 0 }',
  '{ $.route = "/v1/chat*" }', '{ $.level = "INFO" || $.level = "WARN" }', '%timeout|refused%', '-DEBUG', '"user-7"',
  '{ $.status = 5* }', '{ $.model = "claude*" && $.latencyMs > 100 }', 'INFO', '{ $.tokens > 1000 }', '%user-[0-9]+%',
  '{ $.level NOT EXISTS }', '{ $.id >= 0 }',
];
