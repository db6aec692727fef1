import type { StopReason, TokenUsage } from '../converse-types.js';

/** Anthropic's `usage` members; any may be missing. */
export interface WireUsage {
  readonly input_tokens?: unknown;
  readonly output_tokens?: unknown;
  readonly cache_read_input_tokens?: unknown;
  readonly cache_creation_input_tokens?: unknown;
}

/**
 * Anthropic usage -> Converse usage. Anthropic's `input_tokens` already excludes cached tokens, as Bedrock's
 * `inputTokens` does; `totalTokens` adds all four counts, as Bedrock reports it for Claude. [unconfirmed]
 * Without input and output counts there is no usage (undefined, never zeros).
 */
export function toTokenUsage(usage: WireUsage | undefined): TokenUsage | undefined {
  if (usage === undefined) return undefined;
  const inputTokens = count(usage.input_tokens);
  const outputTokens = count(usage.output_tokens);
  if (inputTokens === undefined || outputTokens === undefined) return undefined;
  const cacheRead = count(usage.cache_read_input_tokens) ?? 0;
  const cacheWrite = count(usage.cache_creation_input_tokens) ?? 0;
  return {
    inputTokens,
    outputTokens,
    totalTokens: inputTokens + outputTokens + cacheRead + cacheWrite,
    ...(cacheRead > 0 ? { cacheReadInputTokens: cacheRead } : {}),
    ...(cacheWrite > 0 ? { cacheWriteInputTokens: cacheWrite } : {}),
  };
}

/** Merges a stream's usage reports (message_start, then message_delta's running totals). */
export function mergeUsage(current: WireUsage | undefined, update: unknown): WireUsage | undefined {
  if (typeof update !== 'object' || update === null) return current;
  const defined = Object.fromEntries(Object.entries(update).filter(([, value]) => value !== null && value !== undefined));
  return { ...current, ...defined };
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.trunc(value) : undefined;
}

/** Anthropic `stop_reason` -> Converse `stopReason`; `refusal` is Claude declining, which Bedrock calls content_filtered. */
export function toStopReason(reason: unknown): StopReason {
  switch (reason) {
    case 'max_tokens':
      return 'max_tokens';
    case 'stop_sequence':
      return 'stop_sequence';
    case 'tool_use':
      return 'tool_use';
    case 'refusal':
      return 'content_filtered';
    case 'model_context_window_exceeded':
      return 'model_context_window_exceeded';
    default:
      return 'end_turn';
  }
}
