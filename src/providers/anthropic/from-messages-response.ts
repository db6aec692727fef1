import type { ContentBlock, ConverseResult } from '../converse-types.js';
import { malformedUpstream } from '../upstream/upstream-errors.js';
import { toStopReason, toTokenUsage, type WireUsage } from './messages-usage.js';

/** An Anthropic Messages answer -> ConverseResult (text, tool_use, thinking and redacted_thinking blocks). */
export function fromMessagesResponse(body: Record<string, unknown>, resourceName: string): ConverseResult {
  if (!Array.isArray(body.content)) throw malformedUpstream('no content array', resourceName);
  const content = (body.content as unknown[]).flatMap((block): ContentBlock[] => {
    const converted = fromWireBlock(block);
    return converted === undefined ? [] : [converted];
  });
  const usage = toTokenUsage(body.usage as WireUsage | undefined);
  return {
    message: { role: 'assistant', content },
    stopReason: toStopReason(body.stop_reason),
    ...(usage === undefined ? {} : { usage }),
  };
}

function fromWireBlock(block: unknown): ContentBlock | undefined {
  if (typeof block !== 'object' || block === null) return undefined;
  const wire = block as Record<string, unknown>;
  switch (wire.type) {
    case 'text':
      return { text: typeof wire.text === 'string' ? wire.text : '' };
    case 'tool_use':
      return { toolUse: { toolUseId: String(wire.id ?? ''), name: String(wire.name ?? ''), input: wire.input ?? {} } };
    case 'thinking': {
      const text = typeof wire.thinking === 'string' ? wire.thinking : '';
      const signature = typeof wire.signature === 'string' ? { signature: wire.signature } : {};
      return { reasoningContent: { reasoningText: { text, ...signature } } };
    }
    case 'redacted_thinking':
      return { reasoningContent: { redactedContent: Buffer.from(String(wire.data ?? ''), 'base64') } };
    default:
      // Server-tool blocks (web_search_tool_result, ...) have no Converse counterpart yet.
      return undefined;
  }
}
