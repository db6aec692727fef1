import type { ContentBlock, ConverseRequest, DocumentBlock, Message, ToolConfiguration, ToolResultBlock } from '../converse-types.js';
import { toBase64 } from '../upstream/to-base64.js';
import { guardText, unsupportedBlock } from '../upstream/unsupported-block.js';
import { unsupportedInput } from '../upstream/upstream-errors.js';
import type { ChatContentPart, ChatMessage, ChatRequestBody, ChatTool, ChatToolCall, ChatToolChoice } from './chat-wire-types.js';
import { documentText } from './document-text.js';

export interface ChatRequestOptions {
  readonly model: string;
  readonly maxTokensField: 'max_tokens' | 'max_completion_tokens';
  readonly stream?: { readonly includeUsage: boolean };
}

/**
 * Converse -> Chat Completions. System blocks become one system message, tool results become `tool` messages
 * (placed first, because the API wants them right after the assistant's tool calls), images become base64 data
 * URLs, text documents become text. What Chat Completions cannot carry is refused with ValidationException rather
 * than dropped. `additionalModelRequestFields` are merged into the body as Bedrock does for its own models.
 */
export function toChatRequest(request: ConverseRequest, options: ChatRequestOptions): ChatRequestBody {
  const messages: ChatMessage[] = [];
  const system = (request.system ?? []).flatMap((block) => (block.text === undefined ? [] : [block.text]));
  if (system.length > 0) messages.push({ role: 'system', content: system.join('\n') });
  for (const message of request.messages ?? []) messages.push(...toChatMessages(message));

  const body: Record<string, unknown> = { ...extraFields(request.additionalModelRequestFields), model: options.model, messages };
  const inference = request.inferenceConfig;
  if (inference?.maxTokens !== undefined) body[options.maxTokensField] = inference.maxTokens;
  if (inference?.temperature !== undefined) body.temperature = inference.temperature;
  if (inference?.topP !== undefined) body.top_p = inference.topP;
  if (inference?.stopSequences !== undefined && inference.stopSequences.length > 0) body.stop = [...inference.stopSequences];
  if (request.toolConfig !== undefined) Object.assign(body, toChatTools(request.toolConfig));
  if (options.stream !== undefined) {
    body.stream = true;
    if (options.stream.includeUsage) body.stream_options = { include_usage: true };
  }
  return body as ChatRequestBody;
}

function toChatMessages(message: Message): ChatMessage[] {
  if (message.role === 'assistant') return [toAssistantMessage(message.content)];
  const toolMessages: ChatMessage[] = [];
  const parts: ChatContentPart[] = [];
  for (const block of message.content) {
    if (block.toolResult !== undefined) toolMessages.push(toToolMessage(block.toolResult));
    else {
      const part = toUserPart(block);
      if (part !== undefined) parts.push(part);
    }
  }
  if (parts.length === 0) return toolMessages;
  const textOnly = parts.every((part) => part.type === 'text');
  const content = textOnly ? parts.map((part) => (part.type === 'text' ? part.text : '')).join('\n') : parts;
  return [...toolMessages, { role: 'user', content }];
}

function toUserPart(block: ContentBlock): ChatContentPart | undefined {
  if (block.text !== undefined) return { type: 'text', text: block.text };
  if (block.image !== undefined) {
    const bytes = block.image.source.bytes;
    if (bytes === undefined) throw unsupportedInput('This model backend does not read images from S3; send the image bytes.');
    return { type: 'image_url', image_url: { url: `data:image/${block.image.format};base64,${toBase64(bytes)}` } };
  }
  if (block.document !== undefined) return { type: 'text', text: documentPart(block.document) };
  // cachePoint and reasoningContent carry nothing a Chat Completions user turn can hold.
  if (block.cachePoint !== undefined || block.reasoningContent !== undefined) return undefined;
  if (block.toolUse !== undefined) throw unsupportedInput('A toolUse block can only appear in an assistant message.');
  const guarded = guardText(block);
  if (guarded !== undefined) return { type: 'text', text: guarded };
  throw unsupportedBlock(block, 'openai-compatible');
}

function documentPart(document: DocumentBlock): string {
  return `<document name="${document.name}">\n${documentText(document)}\n</document>`;
}

function toAssistantMessage(content: readonly ContentBlock[]): ChatMessage {
  const texts: string[] = [];
  const toolCalls: ChatToolCall[] = [];
  for (const block of content) {
    if (block.text !== undefined) texts.push(block.text);
    else if (block.toolUse !== undefined) {
      const { toolUseId, name, input } = block.toolUse;
      toolCalls.push({ id: toolUseId, type: 'function', function: { name, arguments: JSON.stringify(input ?? {}) } });
    } else if (block.cachePoint === undefined && block.reasoningContent === undefined) {
      throw unsupportedInput('This model backend accepts only text and toolUse blocks in assistant messages.');
    }
  }
  const text = texts.length === 0 ? null : texts.join('\n');
  return toolCalls.length === 0 ? { role: 'assistant', content: text ?? '' } : { role: 'assistant', content: text, tool_calls: toolCalls };
}

function toToolMessage(result: ToolResultBlock): ChatMessage {
  const pieces = result.content.map((item) => {
    if (item.text !== undefined) return item.text;
    if (item.json !== undefined) return JSON.stringify(item.json);
    if (item.document !== undefined) return documentPart(item.document);
    throw unsupportedInput('This model backend accepts only text, json and text documents in tool results.');
  });
  return { role: 'tool', tool_call_id: result.toolUseId, content: pieces.join('\n') };
}

function toChatTools(config: ToolConfiguration): { tools?: ChatTool[]; tool_choice?: ChatToolChoice } {
  const tools: ChatTool[] = config.tools.flatMap((tool) => {
    const spec = tool.toolSpec;
    if (spec === undefined) return [];
    const fn = { name: spec.name, ...(spec.description === undefined ? {} : { description: spec.description }), parameters: spec.inputSchema.json ?? { type: 'object' } };
    return [{ type: 'function' as const, function: fn }];
  });
  // Chat Completions refuses an empty `tools` list (a config of only cache points or system tools).
  if (tools.length === 0) return {};
  const choice = config.toolChoice;
  if (choice?.tool !== undefined) return { tools, tool_choice: { type: 'function', function: { name: choice.tool.name } } };
  if (choice?.any !== undefined) return { tools, tool_choice: 'required' };
  if (choice?.auto !== undefined) return { tools, tool_choice: 'auto' };
  return { tools };
}

function extraFields(fields: unknown): Record<string, unknown> {
  return typeof fields === 'object' && fields !== null && !Array.isArray(fields) ? { ...(fields as Record<string, unknown>) } : {};
}
