import type { ContentBlock, ConverseResult, StopReason } from '../converse-types.js';
import { malformedUpstream } from '../upstream/upstream-errors.js';
import { toStopReason, toTokenUsage } from './chat-usage.js';
import type { ChatUsage } from './chat-wire-types.js';

/**
 * A Chat Completions answer -> ConverseResult: reasoning text first (vLLM's `reasoning_content`, Ollama's
 * `reasoning`), then the text, then one toolUse block per tool call. Tool arguments that are not JSON make the
 * stop reason `malformed_tool_use` (the input becomes `{}`), as Bedrock reports a model's broken tool call.
 */
export function fromChatResponse(body: Record<string, unknown>, resourceName: string): ConverseResult {
  const choice = Array.isArray(body.choices) ? (body.choices[0] as Record<string, unknown> | undefined) : undefined;
  const message = choice?.message;
  if (typeof message !== 'object' || message === null) throw malformedUpstream('no choices[0].message', resourceName);
  const wire = message as Record<string, unknown>;

  const content: ContentBlock[] = [];
  const reasoning = reasoningOf(wire);
  if (reasoning !== undefined) content.push({ reasoningContent: { reasoningText: { text: reasoning } } });
  if (typeof wire.content === 'string' && wire.content !== '') content.push({ text: wire.content });
  let malformed = false;
  const toolCalls = Array.isArray(wire.tool_calls) ? (wire.tool_calls as unknown[]) : [];
  toolCalls.forEach((call, index) => {
    const parsed = parseToolCall(call, index);
    if (parsed.malformed) malformed = true;
    content.push({ toolUse: parsed.block });
  });
  if (content.length === 0) content.push({ text: '' });

  const stopReason: StopReason = malformed ? 'malformed_tool_use' : toStopReason(choice?.finish_reason, toolCalls.length > 0);
  const usage = toTokenUsage(body.usage as ChatUsage | undefined);
  return { message: { role: 'assistant', content }, stopReason, ...(usage === undefined ? {} : { usage }) };
}

export function reasoningOf(wire: Record<string, unknown>): string | undefined {
  const text = wire.reasoning_content ?? wire.reasoning;
  return typeof text === 'string' && text !== '' ? text : undefined;
}

interface ParsedToolCall {
  readonly block: { toolUseId: string; name: string; input: unknown };
  readonly malformed: boolean;
}

function parseToolCall(call: unknown, index: number): ParsedToolCall {
  const wire = (typeof call === 'object' && call !== null ? call : {}) as { id?: unknown; function?: { name?: unknown; arguments?: unknown } };
  const toolUseId = typeof wire.id === 'string' && wire.id !== '' ? wire.id : `tooluse_${index}`;
  const name = typeof wire.function?.name === 'string' ? wire.function.name : '';
  const args = wire.function?.arguments;
  // Ollama sends arguments as an object; OpenAI as a JSON string.
  if (typeof args === 'object' && args !== null) return { block: { toolUseId, name, input: args }, malformed: false };
  if (args === undefined || args === '') return { block: { toolUseId, name, input: {} }, malformed: false };
  try {
    return { block: { toolUseId, name, input: JSON.parse(String(args)) as unknown }, malformed: false };
  } catch {
    return { block: { toolUseId, name, input: {} }, malformed: true };
  }
}
