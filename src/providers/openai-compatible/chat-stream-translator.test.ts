import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ChatStreamTranslator } from './chat-stream-translator.js';

const chunk = (delta: Record<string, unknown>, finish: string | null = null): Record<string, unknown> => ({ choices: [{ index: 0, delta, finish_reason: finish }] });

describe('ChatStreamTranslator', () => {
  it('handles Ollama-style whole tool calls (arguments as an object, finish_reason "stop")', () => {
    const t = new ChatStreamTranslator();
    const events = [
      ...t.start(),
      ...t.chunk(chunk({ role: 'assistant', content: '', tool_calls: [{ id: 'call_a', function: { name: 'f', arguments: { x: 1 } } }] })),
      ...t.chunk(chunk({}, 'stop')),
      ...t.finish(),
    ];
    assert.deepEqual(events, [
      { messageStart: { role: 'assistant' } },
      { contentBlockStart: { contentBlockIndex: 0, start: { toolUse: { toolUseId: 'call_a', name: 'f' } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { toolUse: { input: '{"x":1}' } } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { messageStop: { stopReason: 'tool_use' } },
      { metadata: {} },
    ]);
  });

  it('puts reasoning and text in separate blocks and two parallel tool calls in two more', () => {
    const t = new ChatStreamTranslator();
    const events = [
      ...t.chunk(chunk({ reasoning_content: 'think' })),
      ...t.chunk(chunk({ content: 'answer' })),
      ...t.chunk(chunk({ tool_calls: [{ index: 0, id: 'c0', function: { name: 'a', arguments: '{}' } }] })),
      ...t.chunk(chunk({ tool_calls: [{ index: 1, id: 'c1', function: { name: 'b', arguments: '{"k":' } }] })),
      ...t.chunk(chunk({ tool_calls: [{ index: 1, function: { arguments: '2}' } }] })),
      ...t.chunk(chunk({}, 'tool_calls')),
      ...t.chunk({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } }),
      ...t.finish(),
    ];
    assert.deepEqual(events, [
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { text: 'think' } } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { text: 'answer' } } },
      { contentBlockStop: { contentBlockIndex: 1 } },
      { contentBlockStart: { contentBlockIndex: 2, start: { toolUse: { toolUseId: 'c0', name: 'a' } } } },
      { contentBlockDelta: { contentBlockIndex: 2, delta: { toolUse: { input: '{}' } } } },
      { contentBlockStop: { contentBlockIndex: 2 } },
      { contentBlockStart: { contentBlockIndex: 3, start: { toolUse: { toolUseId: 'c1', name: 'b' } } } },
      { contentBlockDelta: { contentBlockIndex: 3, delta: { toolUse: { input: '{"k":' } } } },
      { contentBlockDelta: { contentBlockIndex: 3, delta: { toolUse: { input: '2}' } } } },
      { contentBlockStop: { contentBlockIndex: 3 } },
      { messageStop: { stopReason: 'tool_use' } },
      { metadata: { usage: { inputTokens: 3, outputTokens: 4, totalTokens: 7 } } },
    ]);
  });

  it('reads usage sent together with the finish_reason (llama.cpp, Ollama) and ignores an empty finish_reason', () => {
    const t = new ChatStreamTranslator();
    const events = [
      ...t.chunk(chunk({ content: 'a' }, '')),
      ...t.chunk({ ...chunk({}, 'length'), usage: { prompt_tokens: 2, completion_tokens: 1 } }),
      ...t.finish(),
    ];
    assert.deepEqual(events, [
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'a' } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { messageStop: { stopReason: 'max_tokens' } },
      { metadata: { usage: { inputTokens: 2, outputTokens: 1, totalTokens: 3 } } },
    ]);
  });

  it('ends with end_turn when [DONE] comes without a finish_reason, and throws on an error chunk', () => {
    const t = new ChatStreamTranslator();
    assert.deepEqual([...t.chunk(chunk({ content: 'x' })), ...t.finish()], [
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'x' } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { messageStop: { stopReason: 'end_turn' } },
      { metadata: {} },
    ]);
    assert.throws(() => new ChatStreamTranslator().chunk({ error: { message: 'overloaded' } }), { code: 'ModelStreamErrorException' });
  });
});
