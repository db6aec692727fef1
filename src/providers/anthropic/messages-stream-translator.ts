import type { ConverseStreamEvent } from '../converse-types.js';
import { serviceUnavailable, streamFailure, throttling } from '../upstream/upstream-errors.js';
import { mergeUsage, toStopReason, toTokenUsage, type WireUsage } from './messages-usage.js';

/**
 * Anthropic stream events -> ConverseStream events, one event at a time. Anthropic's block indexes are Converse's;
 * text and thinking blocks get no contentBlockStart (Bedrock sends none), tool_use blocks get one. message_delta
 * carries the stop reason (-> messageStop); message_stop ends the stream (-> metadata with the merged usage).
 */
export class MessagesStreamTranslator {
  private usage: WireUsage | undefined;
  private stopped = false;
  private ended = false;

  get hasEnded(): boolean {
    return this.ended;
  }

  /** The usage so far, as Converse counts it. */
  tokenUsage(): ReturnType<typeof toTokenUsage> {
    return toTokenUsage(this.usage);
  }

  /** Records what an event says about usage and the end, and throws for an `error` event. */
  observe(type: string, data: Record<string, unknown>): void {
    if (type === 'error') throw streamError(data);
    if (type === 'message_start') this.usage = mergeUsage(this.usage, (data.message as { usage?: unknown } | undefined)?.usage);
    if (type === 'message_delta') this.usage = mergeUsage(this.usage, data.usage);
    if (type === 'message_stop') this.ended = true;
  }

  translate(type: string, data: Record<string, unknown>): ConverseStreamEvent[] {
    this.observe(type, data);
    const index = typeof data.index === 'number' ? data.index : 0;
    switch (type) {
      case 'message_start':
        return [{ messageStart: { role: 'assistant' } }];
      case 'content_block_start': {
        const block = (data.content_block ?? {}) as { type?: unknown; id?: unknown; name?: unknown };
        if (block.type !== 'tool_use') return [];
        return [{ contentBlockStart: { contentBlockIndex: index, start: { toolUse: { toolUseId: String(block.id ?? ''), name: String(block.name ?? '') } } } }];
      }
      case 'content_block_delta':
        return deltaEvent(index, (data.delta ?? {}) as Record<string, unknown>);
      case 'content_block_stop':
        return [{ contentBlockStop: { contentBlockIndex: index } }];
      case 'message_delta': {
        if (this.stopped) return [];
        this.stopped = true;
        return [{ messageStop: { stopReason: toStopReason((data.delta as { stop_reason?: unknown } | undefined)?.stop_reason) } }];
      }
      case 'message_stop': {
        const usage = this.tokenUsage();
        const stop: ConverseStreamEvent[] = this.stopped ? [] : [{ messageStop: { stopReason: 'end_turn' } }];
        return [...stop, { metadata: usage === undefined ? {} : { usage } }];
      }
      default:
        return []; // ping, and event types added later
    }
  }
}

function deltaEvent(index: number, delta: Record<string, unknown>): ConverseStreamEvent[] {
  const at = (value: { text?: string; toolUse?: { input: string }; reasoningContent?: { text?: string; signature?: string } }): ConverseStreamEvent[] => [
    { contentBlockDelta: { contentBlockIndex: index, delta: value } },
  ];
  switch (delta.type) {
    case 'text_delta':
      return at({ text: String(delta.text ?? '') });
    case 'input_json_delta':
      return at({ toolUse: { input: String(delta.partial_json ?? '') } });
    case 'thinking_delta':
      return at({ reasoningContent: { text: String(delta.thinking ?? '') } });
    case 'signature_delta':
      return at({ reasoningContent: { signature: String(delta.signature ?? '') } });
    default:
      return [];
  }
}

/** An in-stream `error` event: rate limits and overload keep their meaning; anything else broke the stream. */
function streamError(data: Record<string, unknown>): Error {
  const error = (data.error ?? {}) as { type?: unknown; message?: unknown };
  const message = typeof error.message === 'string' ? error.message : JSON.stringify(data);
  if (error.type === 'rate_limit_error') return throttling();
  if (error.type === 'overloaded_error') return serviceUnavailable('overloaded');
  return streamFailure(message);
}
