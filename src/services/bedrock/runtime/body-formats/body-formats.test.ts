import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ServiceError } from '../../../../kernel/index.js';
import type { ConverseResult, ConverseStreamEvent } from '../../../../providers/converse-types.js';
import { anthropicMessagesFormat } from './anthropic-messages.js';
import { claudeTextFormat } from './claude-text.js';
import { titanEmbedV2Format } from './titan-embeddings.js';
import { titanImageFormat } from './titan-image.js';
import { titanTextFormat } from './titan-text.js';

const result: ConverseResult = {
  message: { role: 'assistant', content: [{ text: 'Hello there' }] },
  stopReason: 'end_turn',
  usage: { inputTokens: 4, outputTokens: 2, totalTokens: 6 },
};
const streamed: ConverseStreamEvent[] = [
  { messageStart: { role: 'assistant' } },
  { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'Hello' } } },
  { contentBlockDelta: { contentBlockIndex: 0, delta: { text: ' there' } } },
  { contentBlockStop: { contentBlockIndex: 0 } },
  { messageStop: { stopReason: 'end_turn' } },
  { metadata: { usage: result.usage } },
];
const isMalformed = (text: string) => (e: ServiceError) => e.code === 'ValidationException' && e.message === `Malformed input request: ${text}, please reformat your input and try again.`;

describe('Anthropic Messages body', () => {
  test('system, text, base64 images, tools and sampling map to Converse', () => {
    const request = anthropicMessagesFormat.toConverse({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 100,
      system: 'Be brief',
      temperature: 0.5,
      top_k: 40,
      stop_sequences: ['END'],
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAEC' } }] },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'look', input: { q: 1 } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'a cat' }] },
      ],
      tools: [{ name: 'look', description: 'Looks', input_schema: { type: 'object' } }],
      tool_choice: { type: 'tool', name: 'look' },
    });
    assert.deepEqual(request.system, [{ text: 'Be brief' }]);
    assert.deepEqual(request.inferenceConfig, { maxTokens: 100, temperature: 0.5, stopSequences: ['END'] });
    assert.deepEqual(request.additionalModelRequestFields, { top_k: 40 });
    assert.deepEqual([...(request.messages?.[0]?.content[1]?.image?.source.bytes ?? [])], [0, 1, 2]);
    assert.equal(request.messages?.[0]?.content[1]?.image?.format, 'png');
    assert.deepEqual(request.messages?.[1]?.content[0], { toolUse: { toolUseId: 't1', name: 'look', input: { q: 1 } } });
    assert.deepEqual(request.messages?.[2]?.content[0], { toolResult: { toolUseId: 't1', content: [{ text: 'a cat' }] } });
    assert.deepEqual(request.toolConfig, { tools: [{ toolSpec: { name: 'look', description: 'Looks', inputSchema: { json: { type: 'object' } } } }], toolChoice: { tool: { name: 'look' } } });
  });

  test('schema errors in Bedrock’s wording', () => {
    assert.throws(() => anthropicMessagesFormat.toConverse({ max_tokens: 1, messages: [] }), isMalformed('#: required key [anthropic_version] not found'));
    assert.throws(() => anthropicMessagesFormat.toConverse({ anthropic_version: 'x', max_tokens: '1', messages: [] }), isMalformed('#/max_tokens: expected type: Number, found: String'));
    assert.throws(() => anthropicMessagesFormat.toConverse({ anthropic_version: 'x', max_tokens: 1, messages: [{ role: 'bot', content: 'x' }] }), isMalformed('#/messages/0/role: bot is not a valid enum value'));
  });

  test('response and stream chunks', () => {
    const ctx = { requestId: 'abc-def', upstreamModel: 'claude-x', request: { messages: [{ role: 'user' as const, content: [{ text: 'hi' }] }] } };
    assert.deepEqual(anthropicMessagesFormat.fromResult(result, ctx), {
      id: 'msg_bdrk_abcdef', type: 'message', role: 'assistant', model: 'claude-x', content: [{ type: 'text', text: 'Hello there' }],
      stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: 4, output_tokens: 2 },
    });
    const streamer = anthropicMessagesFormat.streamer(ctx);
    const chunks = [...streamed.flatMap((e) => streamer.push(e)), ...streamer.end(result)];
    assert.deepEqual(chunks.map((c) => c.type), ['message_start', 'content_block_start', 'content_block_delta', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop']);
    assert.deepEqual(chunks[2], { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hello' } });
    assert.deepEqual(chunks[5], { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 2 } });
  });
});

describe('Claude v2 text completions', () => {
  test('the prompt becomes turns; the system text before the first Human turn stays system', () => {
    const request = claudeTextFormat.toConverse({ prompt: 'You are terse.\n\nHuman: Hi\n\nAssistant: Hello\n\nHuman: Bye\n\nAssistant:', max_tokens_to_sample: 9 });
    assert.deepEqual(request.system, [{ text: 'You are terse.' }]);
    assert.deepEqual(request.messages?.map((m) => [m.role, m.content[0]?.text]), [['user', 'Hi'], ['assistant', 'Hello'], ['user', 'Bye']]);
    assert.deepEqual(request.inferenceConfig?.stopSequences, ['\n\nHuman:']);
    assert.throws(() => claudeTextFormat.toConverse({ prompt: 'Hi', max_tokens_to_sample: 9 }), (e: ServiceError) => e.code === 'ValidationException');
  });

  test('completion and chunks', () => {
    assert.deepEqual(claudeTextFormat.fromResult(result, { requestId: 'r', upstreamModel: 'u', request: {} }), { type: 'completion', completion: ' Hello there', stop_reason: 'stop_sequence', stop: '\n\nHuman:' });
    const streamer = claudeTextFormat.streamer({ requestId: 'r', upstreamModel: 'u', request: {} });
    const chunks = [...streamed.flatMap((e) => streamer.push(e)), ...streamer.end(result)];
    assert.deepEqual(chunks, [
      { completion: ' Hello', stop_reason: null, stop: null },
      { completion: ' there', stop_reason: null, stop: null },
      { completion: '', stop_reason: 'stop_sequence', stop: '\n\nHuman:' },
    ]);
  });
});

describe('Titan bodies', () => {
  test('Titan Text: config, results, chunks', () => {
    const request = titanTextFormat.toConverse({ inputText: 'Hi', textGenerationConfig: { maxTokenCount: 20, topP: 0.9, stopSequences: [] } });
    assert.deepEqual(request, { messages: [{ role: 'user', content: [{ text: 'Hi' }] }], inferenceConfig: { maxTokens: 20, topP: 0.9 } });
    assert.deepEqual(titanTextFormat.fromResult({ ...result, stopReason: 'max_tokens' }, { requestId: 'r', upstreamModel: 'u', request }), {
      inputTextTokenCount: 4, results: [{ tokenCount: 2, outputText: 'Hello there', completionReason: 'LENGTH' }],
    });
    const streamer = titanTextFormat.streamer({ requestId: 'r', upstreamModel: 'u', request });
    const chunks = [...streamed.flatMap((e) => streamer.push(e)), ...streamer.end(result)];
    assert.equal(chunks.length, 3);
    assert.deepEqual(chunks[2], { outputText: '', index: 0, totalOutputTextTokenCount: 2, completionReason: 'FINISH', inputTextTokenCount: null });
    assert.throws(() => titanTextFormat.toConverse({ inputText: 'x', textGenerationConfig: { temperature: 3 } }), isMalformed('#/textGenerationConfig/temperature: 3 is not less or equal to 1'));
  });

  test('Titan Embeddings v2 defaults and Titan Image defaults', () => {
    assert.deepEqual(titanEmbedV2Format.toEmbed({ inputText: 'x' }), { inputText: 'x', dimensions: 1024, normalize: true });
    assert.deepEqual(titanImageFormat.toImage({ taskType: 'TEXT_IMAGE', textToImageParams: { text: 'cat' } }), { prompt: 'cat', width: 1024, height: 1024, count: 1 });
    assert.throws(() => titanImageFormat.toImage({ taskType: 'INPAINTING' }), (e: ServiceError) => e.code === 'ValidationException');
  });
});
