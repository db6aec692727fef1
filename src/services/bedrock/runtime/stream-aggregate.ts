import type { ContentBlock, ConverseResult, ConverseStreamEvent, StopReason, TokenUsage } from '../../../providers/converse-types.js';

/**
 * Folds ConverseStream events back into the Converse result they stream: the record of a ConverseStream call logs
 * the aggregated Converse response (spec 2.3), and InvokeModel's streaming body formats need the totals at the end.
 */
export class StreamAggregate {
  private readonly blocks = new Map<number, { text: string; toolUse?: { toolUseId: string; name: string }; json: string }>();
  stopReason: StopReason = 'end_turn';
  /** A messageStop arrived: without one (a failed or abandoned stream) the stop reason above is only a default. */
  stopped = false;
  usage: TokenUsage | undefined;
  additionalModelResponseFields: unknown;

  add(event: ConverseStreamEvent): void {
    if ('contentBlockStart' in event) {
      const { contentBlockIndex, start } = event.contentBlockStart;
      const block = this.block(contentBlockIndex);
      if (start.toolUse !== undefined) block.toolUse = { toolUseId: start.toolUse.toolUseId, name: start.toolUse.name };
    } else if ('contentBlockDelta' in event) {
      const { contentBlockIndex, delta } = event.contentBlockDelta;
      const block = this.block(contentBlockIndex);
      if (delta.text !== undefined) block.text += delta.text;
      if (delta.toolUse !== undefined) block.json += delta.toolUse.input;
    } else if ('messageStop' in event) {
      this.stopReason = event.messageStop.stopReason;
      this.stopped = true;
      this.additionalModelResponseFields = event.messageStop.additionalModelResponseFields;
    } else if ('metadata' in event) {
      this.usage = event.metadata.usage ?? this.usage;
    }
  }

  /** The text streamed so far (all text blocks, in order). */
  text(): string {
    return [...this.blocks.entries()].sort(([a], [b]) => a - b).map(([, b]) => b.text).join('');
  }

  result(): ConverseResult {
    const content: ContentBlock[] = [...this.blocks.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, b]) => (b.toolUse === undefined ? { text: b.text } : { toolUse: { ...b.toolUse, input: parseJson(b.json) } }));
    return {
      message: { role: 'assistant', content },
      stopReason: this.stopReason,
      ...(this.usage === undefined ? {} : { usage: this.usage }),
      ...(this.additionalModelResponseFields === undefined ? {} : { additionalModelResponseFields: this.additionalModelResponseFields }),
    };
  }

  private block(index: number): { text: string; toolUse?: { toolUseId: string; name: string }; json: string } {
    let block = this.blocks.get(index);
    if (block === undefined) {
      block = { text: '', json: '' };
      this.blocks.set(index, block);
    }
    return block;
  }
}

function parseJson(text: string): unknown {
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
