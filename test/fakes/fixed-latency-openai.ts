import { pathToFileURL } from 'node:url';
import { startFakeOpenAiServer, type FakeOpenAiServer } from './openai-compatible-server.js';

/**
 * The gateway benchmark's upstream: the fake OpenAI-compatible server answering every request (JSON or SSE) after a
 * fixed delay, so "added latency" is what ModelWatch adds on top of a known, constant upstream. It keeps no request
 * log, so it stays flat in memory under load. Run it on its own (so it does not share the benchmark client's event
 * loop) with `node --import tsx test/fakes/fixed-latency-openai.ts <latencyMs> [port]`; it prints its base URL.
 */
export function startFixedLatencyOpenAi(latencyMs: number, port = 0): Promise<FakeOpenAiServer> {
  if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new Error(`latencyMs must be >= 0, got ${latencyMs}`);
  return startFakeOpenAiServer({ latencyMs, record: false, port });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const latencyMs = Number(process.argv[2] ?? '0');
  const port = Number(process.argv[3] ?? '0');
  const server = await startFixedLatencyOpenAi(latencyMs, port);
  console.log(`fixed-latency OpenAI-compatible upstream (${latencyMs} ms) listening on ${server.baseUrl}`);
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
