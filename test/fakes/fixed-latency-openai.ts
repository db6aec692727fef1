import { startFakeOpenAiServer, type FakeOpenAiServer } from './openai-compatible-server.js';

/**
 * The gateway benchmark's upstream: the fake OpenAI-compatible server answering every request (JSON or SSE) after a
 * fixed delay, so "added latency" is what ModelWatch adds on top of a known, constant upstream.
 */
export function startFixedLatencyOpenAi(latencyMs: number): Promise<FakeOpenAiServer> {
  if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new Error(`latencyMs must be >= 0, got ${latencyMs}`);
  return startFakeOpenAiServer({ latencyMs });
}
