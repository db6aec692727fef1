import type { ContentBlock, ConverseRequest, ImageFormat, Message, ToolResultContent } from '../../../../providers/converse-types.js';
import { malformedBody } from '../runtime-errors.js';
import { anthropicStreamer, messageId } from './anthropic-stream.js';
import type { TextBodyFormat } from './body-format.js';
import { isObject, optionalInteger, optionalNumber, optionalString, optionalStringList, required, requiredString, type JsonObject } from './body-checks.js';

/**
 * Anthropic Claude's Messages API body on Bedrock (`anthropic_version: bedrock-2023-05-31`), spec 3.7: request
 * messages with text, base64 images, tool_use and tool_result blocks; the `message` response; the stream of
 * message_start / content_block_* / message_delta / message_stop chunks.
 */
export const anthropicMessagesFormat: TextBodyFormat = {
  kind: 'text',
  toConverse(body) {
    requiredString(body, 'anthropic_version');
    const maxTokens = optionalInteger(body, 'max_tokens', { min: 1 });
    if (maxTokens === undefined) required(body, 'max_tokens');
    const rawMessages = required(body, 'messages');
    if (!Array.isArray(rawMessages)) throw malformedBody('#/messages: expected type: JSONArray, found: JSONObject');
    const messages = rawMessages.map((m, i) => toMessage(m, `#/messages/${i}`));
    const system = systemBlocks(body.system);
    const stopSequences = optionalStringList(body, 'stop_sequences');
    const temperature = optionalNumber(body, 'temperature', { min: 0, max: 1 });
    const topP = optionalNumber(body, 'top_p', { min: 0, max: 1 });
    const topK = optionalInteger(body, 'top_k', { min: 0 });
    const tools = Array.isArray(body.tools) ? body.tools.filter(isObject) : [];
    return {
      messages,
      ...(system.length === 0 ? {} : { system }),
      inferenceConfig: {
        ...(maxTokens === undefined ? {} : { maxTokens }),
        ...(temperature === undefined ? {} : { temperature }),
        ...(topP === undefined ? {} : { topP }),
        ...(stopSequences === undefined ? {} : { stopSequences }),
      },
      ...(topK === undefined ? {} : { additionalModelRequestFields: { top_k: topK } }),
      ...(tools.length === 0 ? {} : { toolConfig: toolConfig(tools, body.tool_choice) }),
    };
  },
  fromResult(result, ctx) {
    return {
      id: messageId(ctx.requestId),
      type: 'message',
      role: 'assistant',
      model: ctx.upstreamModel,
      content: result.message.content.map(toAnthropicBlock),
      stop_reason: result.stopReason,
      stop_sequence: null,
      usage: { input_tokens: result.usage?.inputTokens ?? 0, output_tokens: result.usage?.outputTokens ?? 0 },
    };
  },
  streamer: (ctx) => anthropicStreamer(ctx),
};

function toMessage(raw: unknown, path: string): Message {
  if (!isObject(raw)) throw malformedBody(`${path}: expected type: JSONObject, found: ${typeof raw}`);
  const role = requiredString(raw, 'role', path);
  if (role !== 'user' && role !== 'assistant') throw malformedBody(`${path}/role: ${role} is not a valid enum value`);
  const content = required(raw, 'content', path);
  if (typeof content === 'string') return { role, content: [{ text: content }] };
  if (!Array.isArray(content)) throw malformedBody(`${path}/content: expected type: JSONArray, found: JSONObject`);
  return { role, content: content.map((block, i) => toContentBlock(block, `${path}/content/${i}`)) };
}

function toContentBlock(raw: unknown, path: string): ContentBlock {
  if (!isObject(raw)) throw malformedBody(`${path}: expected type: JSONObject`);
  const type = requiredString(raw, 'type', path);
  switch (type) {
    case 'text':
      return { text: requiredString(raw, 'text', path) };
    case 'image': {
      const source = required(raw, 'source', path);
      if (!isObject(source)) throw malformedBody(`${path}/source: expected type: JSONObject`);
      const mediaType = requiredString(source, 'media_type', `${path}/source`);
      const format = mediaType.replace(/^image\//, '') as ImageFormat;
      return { image: { format, source: { bytes: new Uint8Array(Buffer.from(requiredString(source, 'data', `${path}/source`), 'base64')) } } };
    }
    case 'tool_use':
      return { toolUse: { toolUseId: requiredString(raw, 'id', path), name: requiredString(raw, 'name', path), input: raw.input ?? {} } };
    case 'tool_result': {
      const content = raw.content;
      const parts: ToolResultContent[] =
        typeof content === 'string' ? [{ text: content }] : Array.isArray(content) ? content.filter(isObject).map((c) => ({ text: optionalString(c, 'text') ?? '' })) : [];
      return { toolResult: { toolUseId: requiredString(raw, 'tool_use_id', path), content: parts, ...(raw.is_error === true ? { status: 'error' as const } : {}) } };
    }
    default:
      throw malformedBody(`${path}/type: ${type} is not a valid enum value`);
  }
}

function systemBlocks(raw: unknown): { text: string }[] {
  if (raw === undefined || raw === null) return [];
  if (typeof raw === 'string') return raw === '' ? [] : [{ text: raw }];
  if (Array.isArray(raw)) return raw.filter(isObject).map((b) => ({ text: optionalString(b, 'text') ?? '' }));
  throw malformedBody('#/system: expected type: String, found: JSONObject');
}

function toolConfig(tools: readonly JsonObject[], choice: unknown): NonNullable<ConverseRequest['toolConfig']> {
  const specs = tools.map((t, i) => ({
    toolSpec: {
      name: requiredString(t, 'name', `#/tools/${i}`),
      ...(typeof t.description === 'string' ? { description: t.description } : {}),
      inputSchema: { json: t.input_schema ?? { type: 'object' } },
    },
  }));
  const type = isObject(choice) ? choice.type : undefined;
  const toolChoice =
    type === 'any' ? { any: {} } : type === 'tool' && isObject(choice) ? { tool: { name: String(choice.name ?? '') } } : type === 'auto' ? { auto: {} } : undefined;
  return { tools: specs, ...(toolChoice === undefined ? {} : { toolChoice }) };
}

function toAnthropicBlock(block: ContentBlock): Record<string, unknown> {
  if (block.toolUse !== undefined) return { type: 'tool_use', id: block.toolUse.toolUseId, name: block.toolUse.name, input: block.toolUse.input };
  return { type: 'text', text: block.text ?? '' };
}
