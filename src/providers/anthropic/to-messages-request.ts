import type { ContentBlock, ConverseRequest, DocumentBlock, Message, ToolConfiguration, ToolResultContent } from '../converse-types.js';
import { toBase64 } from '../upstream/to-base64.js';
import { guardText, unsupportedBlock } from '../upstream/unsupported-block.js';
import { unsupportedInput } from '../upstream/upstream-errors.js';

type WireBlock = Record<string, unknown>;

const MEDIA_TYPES: Readonly<Record<string, string>> = { txt: 'text/plain', md: 'text/plain', csv: 'text/plain', html: 'text/plain' };

/**
 * Converse -> Anthropic Messages, the translation Bedrock itself does for Claude: system text blocks, images and
 * PDFs as base64 sources, text documents as text sources, toolUse/toolResult as tool_use/tool_result, reasoning as
 * thinking blocks (signature kept, so multi-turn thinking works), and a cachePoint as `cache_control` on the block
 * before it. `additionalModelRequestFields` (e.g. `thinking`, `top_k`) are merged into the body as on Bedrock.
 */
export function toMessagesRequest(request: ConverseRequest, model: string, defaultMaxTokens: number): Record<string, unknown> {
  const extra = request.additionalModelRequestFields;
  const body: Record<string, unknown> = typeof extra === 'object' && extra !== null && !Array.isArray(extra) ? { ...extra } : {};
  body.model = model;
  body.max_tokens = request.inferenceConfig?.maxTokens ?? defaultMaxTokens;
  body.messages = (request.messages ?? []).map(toWireMessage);
  const system = withCachePoints(request.system ?? [], (block) => (block.text === undefined ? undefined : { type: 'text', text: block.text }));
  if (system.length > 0) body.system = system;
  const inference = request.inferenceConfig;
  if (inference?.temperature !== undefined) body.temperature = inference.temperature;
  if (inference?.topP !== undefined) body.top_p = inference.topP;
  if (inference?.stopSequences !== undefined && inference.stopSequences.length > 0) body.stop_sequences = [...inference.stopSequences];
  if (request.toolConfig !== undefined) Object.assign(body, toWireTools(request.toolConfig));
  return body;
}

function toWireMessage(message: Message): Record<string, unknown> {
  return { role: message.role, content: withCachePoints(message.content, toWireBlock) };
}

/** Maps blocks, turning each cachePoint into `cache_control` on the block before it. */
function withCachePoints<T extends { readonly cachePoint?: { readonly type: 'default'; readonly ttl?: string } }>(
  blocks: readonly T[],
  map: (block: T) => WireBlock | undefined,
): WireBlock[] {
  const out: WireBlock[] = [];
  for (const block of blocks) {
    if (block.cachePoint !== undefined) {
      const previous = out.at(-1);
      if (previous !== undefined) previous.cache_control = block.cachePoint.ttl === undefined ? { type: 'ephemeral' } : { type: 'ephemeral', ttl: block.cachePoint.ttl };
      continue;
    }
    const wire = map(block);
    if (wire !== undefined) out.push(wire);
  }
  return out;
}

function toWireBlock(block: ContentBlock): WireBlock | undefined {
  if (block.text !== undefined) return { type: 'text', text: block.text };
  if (block.image !== undefined) return imageBlock(block.image.format, block.image.source.bytes);
  if (block.document !== undefined) return documentBlock(block.document);
  if (block.toolUse !== undefined) return { type: 'tool_use', id: block.toolUse.toolUseId, name: block.toolUse.name, input: block.toolUse.input ?? {} };
  if (block.toolResult !== undefined) {
    const result = block.toolResult;
    const wire: WireBlock = { type: 'tool_result', tool_use_id: result.toolUseId, content: result.content.map(toolResultPart) };
    if (result.status === 'error') wire.is_error = true;
    return wire;
  }
  if (block.reasoningContent !== undefined) {
    const { reasoningText, redactedContent } = block.reasoningContent;
    if (redactedContent !== undefined) return { type: 'redacted_thinking', data: toBase64(redactedContent) };
    if (reasoningText !== undefined) {
      return { type: 'thinking', thinking: reasoningText.text, ...(reasoningText.signature === undefined ? {} : { signature: reasoningText.signature }) };
    }
  }
  const guarded = guardText(block);
  if (guarded !== undefined) return { type: 'text', text: guarded };
  throw unsupportedBlock(block, 'anthropic');
}

function toolResultPart(item: ToolResultContent): WireBlock {
  if (item.text !== undefined) return { type: 'text', text: item.text };
  if (item.json !== undefined) return { type: 'text', text: JSON.stringify(item.json) };
  if (item.image !== undefined) return imageBlock(item.image.format, item.image.source.bytes);
  if (item.document !== undefined) return documentBlock(item.document);
  throw unsupportedInput('A tool result content block must hold text, json, an image or a document.');
}

function imageBlock(format: string, bytes: Uint8Array | undefined): WireBlock {
  if (bytes === undefined) throw unsupportedInput('This model backend does not read images from S3; send the image bytes.');
  return { type: 'image', source: { type: 'base64', media_type: `image/${format}`, data: toBase64(bytes) } };
}

function documentBlock(document: DocumentBlock): WireBlock {
  const { source } = document;
  const format = document.format ?? 'txt';
  if (source.text !== undefined) return { type: 'document', title: document.name, source: { type: 'text', media_type: 'text/plain', data: source.text } };
  if (source.bytes === undefined) throw unsupportedInput('This model backend does not read documents from S3; send the document bytes.');
  if (format === 'pdf') return { type: 'document', title: document.name, source: { type: 'base64', media_type: 'application/pdf', data: toBase64(source.bytes) } };
  const mediaType = MEDIA_TYPES[format];
  if (mediaType === undefined) throw unsupportedInput(`The Anthropic backend reads pdf and text documents; the document "${document.name}" is ${format}.`);
  return { type: 'document', title: document.name, source: { type: 'text', media_type: mediaType, data: new TextDecoder().decode(source.bytes) } };
}

function toWireTools(config: ToolConfiguration): Record<string, unknown> {
  const tools = withCachePoints(config.tools, (tool) => {
    const spec = tool.toolSpec;
    if (spec === undefined) return undefined;
    return { name: spec.name, ...(spec.description === undefined ? {} : { description: spec.description }), input_schema: spec.inputSchema.json ?? { type: 'object' } };
  });
  if (tools.length === 0) return {};
  const choice = config.toolChoice;
  const toolChoice =
    choice?.tool !== undefined ? { type: 'tool', name: choice.tool.name } : choice?.any !== undefined ? { type: 'any' } : choice?.auto !== undefined ? { type: 'auto' } : undefined;
  return toolChoice === undefined ? { tools } : { tools, tool_choice: toolChoice };
}
