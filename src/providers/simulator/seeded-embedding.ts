import { seededRandom } from '../../kernel/index.js';
import { hashText } from './seeded-text.js';

/** A deterministic vector of `dimensions` values for `text`; unit length unless `normalize` is false. */
export function seededEmbedding(text: string, seed: number, dimensions: number, normalize = true): number[] {
  const random = seededRandom(hashText(text, seed));
  const values = Array.from({ length: dimensions }, () => random() * 2 - 1);
  if (!normalize) return values;
  const norm = Math.sqrt(values.reduce((sum, v) => sum + v * v, 0)) || 1;
  return values.map((v) => v / norm);
}
