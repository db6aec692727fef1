import type { EmbedRequest, EmbedResult } from '../model-provider.js';
import { malformedUpstream } from '../upstream/upstream-errors.js';

/** Titan-style embed request -> `POST /embeddings`; `dimensions` only when asked (not every server accepts it). */
export function toEmbeddingsRequest(request: EmbedRequest, model: string): Record<string, unknown> {
  const body: Record<string, unknown> = { model, input: request.inputText, encoding_format: 'float' };
  if (request.dimensions !== undefined) body.dimensions = request.dimensions;
  return body;
}

/**
 * `{data: [{embedding}], usage: {prompt_tokens}}` -> EmbedResult. `normalize: true` (Titan v2's default) is applied
 * here, since servers differ on whether their vectors are unit length.
 */
export function fromEmbeddingsResponse(body: Record<string, unknown>, request: EmbedRequest, resourceName: string): EmbedResult {
  const first = Array.isArray(body.data) ? (body.data[0] as { embedding?: unknown } | undefined) : undefined;
  const vector = first?.embedding;
  if (!Array.isArray(vector) || !vector.every((x) => typeof x === 'number')) {
    throw malformedUpstream('no numeric data[0].embedding', resourceName);
  }
  const embedding = request.normalize === true ? normalized(vector as number[]) : (vector as number[]);
  const prompt = (body.usage as { prompt_tokens?: unknown } | undefined)?.prompt_tokens;
  return typeof prompt === 'number' ? { embedding, inputTokens: prompt } : { embedding };
}

function normalized(vector: readonly number[]): number[] {
  const length = Math.hypot(...vector);
  return length === 0 ? [...vector] : vector.map((x) => x / length);
}
