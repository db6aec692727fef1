import { seededWords } from './seeded-text.js';

/**
 * A deterministic tool input that satisfies the tool's JSON schema in the common cases: each declared property gets
 * a value of its type (an enum's first value, a seeded word for strings, 1 for numbers, true, [] or a nested object).
 */
export function toolInputFor(schema: unknown, prompt: string, seed: number): Record<string, unknown> {
  const properties = objectAt(schema, 'properties');
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) out[name] = valueFor(property, `${prompt}|${name}`, seed);
  return out;
}

function valueFor(schema: unknown, prompt: string, seed: number): unknown {
  const spec = typeof schema === 'object' && schema !== null ? (schema as Record<string, unknown>) : {};
  if (Array.isArray(spec.enum) && spec.enum.length > 0) return spec.enum[0];
  const type = Array.isArray(spec.type) ? spec.type[0] : spec.type;
  switch (type) {
    case 'integer':
    case 'number':
      return typeof spec.minimum === 'number' ? spec.minimum : 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return toolInputFor(spec, prompt, seed);
    case 'null':
      return null;
    default:
      return (seededWords(prompt, seed, 1)[0] ?? 'value').toLowerCase();
  }
}

function objectAt(value: unknown, key: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return {};
  const inner = (value as Record<string, unknown>)[key];
  return typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? (inner as Record<string, unknown>) : {};
}
