import type { DocumentBlock } from '../converse-types.js';
import { unsupportedInput } from '../upstream/upstream-errors.js';

/** Formats whose bytes are text already, so a text-only chat API can read them verbatim. */
const TEXT_FORMATS = new Set(['txt', 'md', 'csv', 'html']);

/** A document's text, for APIs without document support; binary formats (pdf, docx, xlsx...) are refused. */
export function documentText(document: DocumentBlock): string {
  const { source } = document;
  if (source.text !== undefined) return source.text;
  const format = document.format ?? 'txt';
  if (source.bytes !== undefined && TEXT_FORMATS.has(format)) return new TextDecoder().decode(source.bytes);
  if (source.bytes === undefined) throw unsupportedInput('This model backend does not read documents from S3; send the document bytes.');
  throw unsupportedInput(
    `This model backend reads only text documents (${[...TEXT_FORMATS].join(', ')}); the document "${document.name}" is ${format}.`,
  );
}
