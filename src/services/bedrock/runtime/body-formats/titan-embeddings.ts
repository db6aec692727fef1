import { malformedBody } from '../runtime-errors.js';
import type { EmbeddingBodyFormat } from './body-format.js';
import { optionalStringList, requiredString } from './body-checks.js';

/** Titan Embeddings G1 (`amazon.titan-embed-text-v1`): `{"inputText"}` -> 1536 floats (spec 3.7). */
export const titanEmbedV1Format: EmbeddingBodyFormat = {
  kind: 'embedding',
  toEmbed: (body) => ({ inputText: requiredString(body, 'inputText'), dimensions: 1536 }),
  fromResult: (result) => ({ embedding: result.embedding, inputTextTokenCount: result.inputTokens ?? 0 }),
};

const V2_DIMENSIONS = [1024, 512, 256];

/**
 * Titan Text Embeddings V2: `dimensions` 1024 (default) | 512 | 256, `normalize` (default true), `embeddingTypes`
 * float and/or binary; `embeddingsByType` is always present and always holds `float`.
 */
export const titanEmbedV2Format: EmbeddingBodyFormat = {
  kind: 'embedding',
  toEmbed(body) {
    const inputText = requiredString(body, 'inputText');
    const dimensions = body.dimensions ?? 1024;
    if (typeof dimensions !== 'number' || !V2_DIMENSIONS.includes(dimensions)) {
      throw malformedBody(`#/dimensions: ${String(dimensions)} is not a valid enum value`);
    }
    if (body.normalize !== undefined && typeof body.normalize !== 'boolean') throw malformedBody('#/normalize: expected type: Boolean');
    for (const type of optionalStringList(body, 'embeddingTypes') ?? []) {
      if (type !== 'float' && type !== 'binary') throw malformedBody(`#/embeddingTypes: ${type} is not a valid enum value`);
    }
    return { inputText, dimensions, normalize: body.normalize !== false };
  },
  fromResult(result, body) {
    const types = optionalStringList(body, 'embeddingTypes') ?? ['float'];
    const byType: Record<string, readonly number[]> = { float: result.embedding };
    if (types.includes('binary')) byType.binary = result.embedding.map((v) => (v > 0 ? 1 : 0));
    return { embedding: result.embedding, inputTextTokenCount: result.inputTokens ?? 0, embeddingsByType: byType };
  },
};
