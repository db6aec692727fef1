import type { ContentBlock, ConverseResult, Message } from '../converse-types.js';
import { toBase64 } from '../upstream/to-base64.js';

/** Converse JSON for the wire: blob members (image/document bytes, redacted reasoning) become base64, as AWS sends. */
export function toWireJson(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) => (member instanceof Uint8Array ? toBase64(member) : member));
}

/** The blob members of an upstream Converse answer, base64 on the wire, back to bytes. */
export function fromWireResult(body: Record<string, unknown>): ConverseResult {
  const output = (body.output ?? {}) as { message?: Message };
  const message = output.message ?? { role: 'assistant', content: [] };
  const result: Record<string, unknown> = {
    message: { role: message.role, content: message.content.map(fromWireBlock) },
    stopReason: body.stopReason,
  };
  if (body.usage !== undefined) result.usage = body.usage;
  if (body.additionalModelResponseFields !== undefined) result.additionalModelResponseFields = body.additionalModelResponseFields;
  return result as unknown as ConverseResult;
}

function fromWireBlock(block: ContentBlock): ContentBlock {
  const bytes = (value: unknown): Uint8Array => (typeof value === 'string' ? Buffer.from(value, 'base64') : (value as Uint8Array));
  if (block.image?.source.bytes !== undefined) return { image: { ...block.image, source: { bytes: bytes(block.image.source.bytes) } } };
  if (block.document?.source.bytes !== undefined) {
    return { document: { ...block.document, source: { ...block.document.source, bytes: bytes(block.document.source.bytes) } } };
  }
  if (block.reasoningContent?.redactedContent !== undefined) return { reasoningContent: { redactedContent: bytes(block.reasoningContent.redactedContent) } };
  return block;
}
