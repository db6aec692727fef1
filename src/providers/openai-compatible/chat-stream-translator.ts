import type { ConverseStreamEvent, StopReason, TokenUsage } from '../converse-types.js';
import { streamFailure } from '../upstream/upstream-errors.js';
import { toStopReason, toTokenUsage } from './chat-usage.js';
import type { ChatUsage } from './chat-wire-types.js';
import { reasoningOf } from './from-chat-response.js';

type OpenBlock = { readonly kind: 'text' | 'reasoning'; readonly index: number } | { readonly kind: 'tool'; readonly index: number; readonly key: number };

/**
 * Chat Completions stream chunks -> ConverseStream events, as each chunk arrives. Block indexes are Converse's
 * (0, 1, ... in order of appearance); a text block gets no contentBlockStart (as Bedrock sends it), a tool call gets
 * one with its id and name, then its argument fragments as toolUse deltas. messageStop goes out with the
 * `finish_reason` chunk; metadata (with usage when the server sent a usage chunk) closes the stream.
 */
export class ChatStreamTranslator {
  private nextIndex = 0;
  private open: OpenBlock | undefined;
  private readonly toolBlocks = new Map<number, number>();
  private sawToolCalls = false;
  private stopped = false;
  private usage: TokenUsage | undefined;

  get hasStopped(): boolean {
    return this.stopped;
  }

  start(): ConverseStreamEvent[] {
    return [{ messageStart: { role: 'assistant' } }];
  }

  chunk(json: Record<string, unknown>): ConverseStreamEvent[] {
    if (typeof json.error === 'object' && json.error !== null) {
      const message = (json.error as { message?: unknown }).message;
      throw streamFailure(typeof message === 'string' ? message : JSON.stringify(json.error));
    }
    if (typeof json.usage === 'object' && json.usage !== null) this.usage = toTokenUsage(json.usage as ChatUsage) ?? this.usage;
    const choice = Array.isArray(json.choices) ? (json.choices[0] as Record<string, unknown> | undefined) : undefined;
    if (choice === undefined) return [];
    const events: ConverseStreamEvent[] = [];
    const delta = (typeof choice.delta === 'object' && choice.delta !== null ? choice.delta : {}) as Record<string, unknown>;
    const reasoning = reasoningOf(delta);
    if (reasoning !== undefined) {
      const index = this.ensure('reasoning', events);
      events.push({ contentBlockDelta: { contentBlockIndex: index, delta: { reasoningContent: { text: reasoning } } } });
    }
    if (typeof delta.content === 'string' && delta.content !== '') {
      const index = this.ensure('text', events);
      events.push({ contentBlockDelta: { contentBlockIndex: index, delta: { text: delta.content } } });
    }
    if (Array.isArray(delta.tool_calls)) delta.tool_calls.forEach((call: unknown, position) => this.toolCall(call, position, events));
    const finish = choice.finish_reason;
    if (typeof finish === 'string' && finish !== '' && !this.stopped) events.push(...this.stop(toStopReason(finish, this.sawToolCalls)));
    return events;
  }

  /** The stream ended cleanly: close what is open and report usage (absent when the server sent none). */
  finish(): ConverseStreamEvent[] {
    const events = this.stopped ? [] : this.stop(toStopReason(undefined, this.sawToolCalls));
    events.push({ metadata: this.usage === undefined ? {} : { usage: this.usage } });
    return events;
  }

  private stop(stopReason: StopReason): ConverseStreamEvent[] {
    const events: ConverseStreamEvent[] = [];
    this.close(events);
    this.stopped = true;
    events.push({ messageStop: { stopReason } });
    return events;
  }

  private toolCall(call: unknown, position: number, events: ConverseStreamEvent[]): void {
    const wire = (typeof call === 'object' && call !== null ? call : {}) as {
      index?: unknown;
      id?: unknown;
      function?: { name?: unknown; arguments?: unknown };
    };
    const key = typeof wire.index === 'number' ? wire.index : position;
    this.sawToolCalls = true;
    let index = this.toolBlocks.get(key);
    if (index === undefined) {
      this.close(events);
      index = this.nextIndex++;
      this.toolBlocks.set(key, index);
      this.open = { kind: 'tool', index, key };
      const toolUseId = typeof wire.id === 'string' && wire.id !== '' ? wire.id : `tooluse_${key}`;
      const name = typeof wire.function?.name === 'string' ? wire.function.name : '';
      events.push({ contentBlockStart: { contentBlockIndex: index, start: { toolUse: { toolUseId, name } } } });
    }
    const args = wire.function?.arguments;
    // Ollama sends a whole tool call at once with the arguments as an object.
    const input = typeof args === 'string' ? args : typeof args === 'object' && args !== null ? JSON.stringify(args) : '';
    if (input !== '') events.push({ contentBlockDelta: { contentBlockIndex: index, delta: { toolUse: { input } } } });
  }

  private ensure(kind: 'text' | 'reasoning', events: ConverseStreamEvent[]): number {
    if (this.open?.kind === kind) return this.open.index;
    this.close(events);
    this.open = { kind, index: this.nextIndex++ };
    return this.open.index;
  }

  private close(events: ConverseStreamEvent[]): void {
    if (this.open === undefined) return;
    events.push({ contentBlockStop: { contentBlockIndex: this.open.index } });
    this.open = undefined;
  }
}
