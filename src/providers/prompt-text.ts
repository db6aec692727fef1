import type { ContentBlock, ConverseRequest } from './converse-types.js';
import { estimateTokens } from './token-estimate.js';

/** Every text a model would read in a Converse request: system prompts, message text, tool calls and results. */
export function promptText(request: Pick<ConverseRequest, 'system' | 'messages'>): string {
  const parts: string[] = [];
  for (const block of request.system ?? []) if (block.text !== undefined) parts.push(block.text);
  for (const message of request.messages ?? []) for (const block of message.content) parts.push(...blockText(block));
  return parts.join('\n');
}

/** The input-token estimate of a Converse request (CountTokens and the simulator's usage agree on it). */
export function estimateInputTokens(request: Pick<ConverseRequest, 'system' | 'messages'>): number {
  return Math.max(1, estimateTokens(promptText(request)));
}

function blockText(block: ContentBlock): string[] {
  if (block.text !== undefined) return [block.text];
  if (block.toolUse !== undefined) return [JSON.stringify(block.toolUse.input ?? null)];
  if (block.toolResult !== undefined) {
    return block.toolResult.content.map((c) => c.text ?? (c.json === undefined ? '' : JSON.stringify(c.json)));
  }
  return [];
}
