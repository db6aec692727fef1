import type { ContentBlock, ConverseResult, ConverseStreamEvent } from '../converse-types.js';

/**
 * A whole answer replayed as ConverseStream events, for a server that ignored `stream: true` and answered JSON
 * (some llama.cpp builds and proxies do): the caller still gets a well-formed stream.
 */
export function resultEvents(result: ConverseResult): ConverseStreamEvent[] {
  const events: ConverseStreamEvent[] = [{ messageStart: { role: 'assistant' } }];
  result.message.content.forEach((block, contentBlockIndex) => events.push(...blockEvents(block, contentBlockIndex)));
  events.push({ messageStop: { stopReason: result.stopReason } });
  events.push({ metadata: result.usage === undefined ? {} : { usage: result.usage } });
  return events;
}

function blockEvents(block: ContentBlock, contentBlockIndex: number): ConverseStreamEvent[] {
  const stop: ConverseStreamEvent = { contentBlockStop: { contentBlockIndex } };
  if (block.toolUse !== undefined) {
    const { toolUseId, name, input } = block.toolUse;
    return [
      { contentBlockStart: { contentBlockIndex, start: { toolUse: { toolUseId, name } } } },
      { contentBlockDelta: { contentBlockIndex, delta: { toolUse: { input: JSON.stringify(input ?? {}) } } } },
      stop,
    ];
  }
  const reasoning = block.reasoningContent?.reasoningText;
  if (reasoning !== undefined) return [{ contentBlockDelta: { contentBlockIndex, delta: { reasoningContent: { text: reasoning.text } } } }, stop];
  if (block.text !== undefined) return [{ contentBlockDelta: { contentBlockIndex, delta: { text: block.text } } }, stop];
  return [];
}
