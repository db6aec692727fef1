import type { StopReason, TokenUsage } from '../converse-types.js';
import type { ChatUsage } from './chat-wire-types.js';

/**
 * Chat Completions usage -> Converse usage. OpenAI's `prompt_tokens` includes cached tokens; Bedrock counts cache
 * reads apart from `inputTokens`, so they are split out. A missing or non-numeric count means "not reported":
 * undefined, never 0, so the invocation record can say so.
 */
export function toTokenUsage(usage: ChatUsage | null | undefined): TokenUsage | undefined {
  if (usage === null || usage === undefined) return undefined;
  const prompt = count(usage.prompt_tokens);
  const completion = count(usage.completion_tokens);
  if (prompt === undefined || completion === undefined) return undefined;
  const cached = count(usage.prompt_tokens_details?.cached_tokens);
  const inputTokens = cached === undefined ? prompt : Math.max(0, prompt - cached);
  const totalTokens = count(usage.total_tokens) ?? prompt + completion;
  return cached === undefined || cached === 0
    ? { inputTokens, outputTokens: completion, totalTokens }
    : { inputTokens, outputTokens: completion, totalTokens, cacheReadInputTokens: cached };
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.trunc(value) : undefined;
}

/**
 * `finish_reason` -> Converse `stopReason`. Chat Completions says `stop` both for a natural end and for a stop
 * sequence, so both read as `end_turn`; some servers (Ollama) say `stop` after tool calls, hence `hasToolCalls`.
 */
export function toStopReason(finishReason: unknown, hasToolCalls: boolean): StopReason {
  if (hasToolCalls) return 'tool_use';
  switch (finishReason) {
    case 'length':
      return 'max_tokens';
    case 'tool_calls':
    case 'function_call':
      return 'tool_use';
    case 'content_filter':
      return 'content_filtered';
    default:
      return 'end_turn';
  }
}
