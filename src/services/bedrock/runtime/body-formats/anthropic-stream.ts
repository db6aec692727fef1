import type { StopReason } from '../../../../providers/converse-types.js';
import { estimateInputTokens } from '../../../../providers/prompt-text.js';
import type { ChunkStreamer, FormatContext } from './body-format.js';

/**
 * ConverseStream events as the Anthropic Messages stream Bedrock relays: message_start, a content_block_start before
 * each block's first delta, text_delta / input_json_delta, content_block_stop, then message_delta (stop reason and
 * output tokens) and message_stop at the end.
 */
export function anthropicStreamer(ctx: FormatContext): ChunkStreamer {
  const started = new Set<number>();
  let stopReason: StopReason = 'end_turn';
  return {
    push(event) {
      if ('messageStart' in event) {
        // Usage is known only at the end; message_start carries the gateway's input estimate. [approximation]
        const usage = { input_tokens: estimateInputTokens(ctx.request), output_tokens: 1 };
        const message = { id: messageId(ctx.requestId), type: 'message', role: 'assistant', model: ctx.upstreamModel, content: [], stop_reason: null, stop_sequence: null, usage };
        return [{ type: 'message_start', message }];
      }
      if ('contentBlockStart' in event) {
        const { contentBlockIndex: index, start } = event.contentBlockStart;
        started.add(index);
        const toolUse = start.toolUse;
        const block = toolUse === undefined ? { type: 'text', text: '' } : { type: 'tool_use', id: toolUse.toolUseId, name: toolUse.name, input: {} };
        return [{ type: 'content_block_start', index, content_block: block }];
      }
      if ('contentBlockDelta' in event) {
        const { contentBlockIndex: index, delta } = event.contentBlockDelta;
        const out: Record<string, unknown>[] = [];
        if (!started.has(index)) {
          started.add(index);
          out.push({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
        }
        if (delta.text !== undefined) out.push({ type: 'content_block_delta', index, delta: { type: 'text_delta', text: delta.text } });
        if (delta.toolUse !== undefined) out.push({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: delta.toolUse.input } });
        return out;
      }
      if ('contentBlockStop' in event) return [{ type: 'content_block_stop', index: event.contentBlockStop.contentBlockIndex }];
      if ('messageStop' in event) stopReason = event.messageStop.stopReason;
      return [];
    },
    end(result) {
      return [
        { type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: result.usage?.outputTokens ?? 0 } },
        { type: 'message_stop' },
      ];
    },
  };
}

export function messageId(requestId: string): string {
  return `msg_bdrk_${requestId.replace(/-/g, '').slice(0, 24)}`;
}
