import type { ServiceError } from '../../kernel/index.js';
import { unsupportedInput } from './upstream-errors.js';

/**
 * A content block a backend cannot carry (video, audio, citations, search results...). It is refused, never
 * silently dropped: a model answering without the caller's video would be a wrong answer, not a degraded one.
 */
export function unsupportedBlock(block: object, backend: string): ServiceError {
  const member = Object.keys(block).find((key) => (block as Record<string, unknown>)[key] !== undefined) ?? 'empty';
  return unsupportedInput(`The ${backend} model backend does not support ${member} content blocks.`);
}

/** Guardrail content is text the model reads; without guardrails it is passed on as plain text. */
export function guardText(block: object): string | undefined {
  const guard = (block as { guardContent?: { text?: { text?: unknown } } }).guardContent;
  return typeof guard?.text?.text === 'string' ? guard.text.text : undefined;
}
