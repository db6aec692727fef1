import type { ConverseRequest, StopReason, TokenUsage, ToolSpecification } from '../converse-types.js';
import { estimateInputTokens, promptText } from '../prompt-text.js';
import { estimateTokens } from '../token-estimate.js';
import { hashText, seededWords, textPieces } from './seeded-text.js';
import type { SimulatorOptions } from './simulator-options.js';
import { toolInputFor } from './tool-input.js';

/** What the simulator will answer, decided up front so Converse and ConverseStream say exactly the same thing. */
export interface PlannedReply {
  readonly pieces: readonly string[];
  readonly toolUse?: { readonly toolUseId: string; readonly name: string; readonly input: unknown };
  readonly stopReason: StopReason;
  readonly usage: TokenUsage;
}

export function planReply(request: ConverseRequest, options: SimulatorOptions): PlannedReply {
  const prompt = promptText(request);
  const inputTokens = estimateInputTokens(request);
  const tool = chosenTool(request);
  if (tool !== undefined) {
    const id = `tooluse_${hashText(`${prompt}|${tool.name}`, options.seed).toString(36).padStart(7, '0')}`;
    const toolUse = { toolUseId: id, name: tool.name, input: toolInputFor(tool.inputSchema.json, prompt, options.seed) };
    const outputTokens = Math.max(1, estimateTokens(JSON.stringify(toolUse.input)) + 4);
    return { pieces: [], toolUse, stopReason: 'tool_use', usage: usage(inputTokens, outputTokens) };
  }
  const maxTokens = request.inferenceConfig?.maxTokens;
  const count = maxTokens === undefined ? options.outputTokens : Math.min(options.outputTokens, maxTokens);
  let pieces = textPieces(seededWords(prompt, options.seed, count));
  let stopReason: StopReason = maxTokens !== undefined && maxTokens < options.outputTokens ? 'max_tokens' : 'end_turn';
  const cut = stopAt(pieces, request.inferenceConfig?.stopSequences ?? []);
  if (cut !== undefined) {
    pieces = cut;
    stopReason = 'stop_sequence';
  }
  return { pieces, stopReason, usage: usage(inputTokens, pieces.length) };
}

/** Tools are used when offered, unless the last user turn already answers a tool call (then the model speaks). */
function chosenTool(request: ConverseRequest): ToolSpecification | undefined {
  const specs = (request.toolConfig?.tools ?? []).flatMap((t) => (t.toolSpec === undefined ? [] : [t.toolSpec]));
  if (specs.length === 0) return undefined;
  const last = request.messages?.[request.messages.length - 1];
  if (last?.content.some((block) => block.toolResult !== undefined) === true) return undefined;
  const named = request.toolConfig?.toolChoice?.tool?.name;
  return specs.find((s) => s.name === named) ?? specs[0];
}

function stopAt(pieces: readonly string[], stops: readonly string[]): string[] | undefined {
  if (stops.length === 0) return undefined;
  let text = '';
  for (let i = 0; i < pieces.length; i++) {
    text += pieces[i];
    if (stops.some((stop) => stop !== '' && text.includes(stop))) return pieces.slice(0, i);
  }
  return undefined;
}

function usage(inputTokens: number, outputTokens: number): TokenUsage {
  return { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens };
}
