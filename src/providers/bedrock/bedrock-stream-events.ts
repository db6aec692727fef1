import type { ConverseStreamEvent, TokenUsage } from '../converse-types.js';
import type { RawStreamChunk } from '../model-provider.js';
import { parseJsonObject } from '../upstream/upstream-http.js';
import { streamFailure } from '../upstream/upstream-errors.js';

const CONVERSE_EVENTS = new Set(['messageStart', 'contentBlockStart', 'contentBlockDelta', 'contentBlockStop', 'messageStop', 'metadata']);

/**
 * One upstream ConverseStream event frame -> ConverseStreamEvent. Bedrock's random `p` padding is dropped, and so is
 * the upstream's `metrics` (the gateway measures its own latency); usage is kept. Unknown event types are skipped.
 */
export function converseEventOf(type: string, payload: Uint8Array): ConverseStreamEvent | undefined {
  if (!CONVERSE_EVENTS.has(type)) return undefined;
  const json = parseJsonObject(new TextDecoder().decode(payload));
  if (json === undefined) throw streamFailure(`The upstream sent a malformed ${type} event.`);
  const { p: _padding, ...event } = json;
  if (type === 'metadata') return { metadata: event.usage === undefined ? {} : { usage: event.usage as TokenUsage } };
  return { [type]: event } as unknown as ConverseStreamEvent;
}

/**
 * One InvokeModelWithResponseStream `chunk` frame -> the model chunk's bytes, untouched. Usage comes from the
 * `amazon-bedrock-invocationMetrics` Bedrock puts in the last chunk.
 */
export function chunkOf(type: string, payload: Uint8Array): RawStreamChunk | undefined {
  if (type !== 'chunk') return undefined;
  const part = parseJsonObject(new TextDecoder().decode(payload));
  if (part === undefined || typeof part.bytes !== 'string') throw streamFailure('The upstream sent a chunk without bytes.');
  const bytes = new Uint8Array(Buffer.from(part.bytes, 'base64'));
  const metrics = parseJsonObject(new TextDecoder().decode(bytes))?.['amazon-bedrock-invocationMetrics'] as Record<string, unknown> | undefined;
  const usage = metrics === undefined ? undefined : usageOf(metrics.inputTokenCount, metrics.outputTokenCount, metrics.cacheReadInputTokenCount, metrics.cacheWriteInputTokenCount);
  return usage === undefined ? { bytes } : { bytes, usage };
}

/** InvokeModel's `X-Amzn-Bedrock-*-Token-Count` headers -> usage (undefined when the upstream sent none). */
export function usageFromHeaders(headers: Headers): TokenUsage | undefined {
  const read = (name: string): number | undefined => {
    const value = headers.get(name);
    return value === null || value === '' ? undefined : Number(value);
  };
  return usageOf(
    read('x-amzn-bedrock-input-token-count'),
    read('x-amzn-bedrock-output-token-count'),
    read('x-amzn-bedrock-cache-read-input-token-count'),
    read('x-amzn-bedrock-cache-write-input-token-count'),
  );
}

function usageOf(input: unknown, output: unknown, cacheRead: unknown, cacheWrite: unknown): TokenUsage | undefined {
  const n = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined);
  const inputTokens = n(input);
  const outputTokens = n(output);
  if (inputTokens === undefined || outputTokens === undefined) return undefined;
  const read = n(cacheRead);
  const write = n(cacheWrite);
  return {
    inputTokens,
    outputTokens,
    totalTokens: inputTokens + outputTokens + (read ?? 0) + (write ?? 0),
    ...(read === undefined ? {} : { cacheReadInputTokens: read }),
    ...(write === undefined ? {} : { cacheWriteInputTokens: write }),
  };
}
