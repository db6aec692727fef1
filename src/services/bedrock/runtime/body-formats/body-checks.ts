import { malformedBody } from '../runtime-errors.js';

/**
 * Body checks in the wording of Bedrock's JSON-schema validator, e.g.
 * `Malformed input request: #: required key [max_tokens] not found, please reformat your input and try again.`
 */
export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function required(body: JsonObject, key: string, path = '#'): unknown {
  const value = body[key];
  if (value === undefined || value === null) throw malformedBody(`${path}: required key [${key}] not found`);
  return value;
}

export function optionalString(body: JsonObject, key: string, path = '#'): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw typeError(`${path}/${key}`, 'String', value);
  return value;
}

export function requiredString(body: JsonObject, key: string, path = '#'): string {
  required(body, key, path);
  return optionalString(body, key, path) ?? '';
}

export function optionalNumber(body: JsonObject, key: string, range: { min?: number; max?: number } = {}, path = '#'): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw typeError(`${path}/${key}`, 'Number', value);
  if (range.min !== undefined && value < range.min) throw malformedBody(`${path}/${key}: ${value} is not greater or equal to ${range.min}`);
  if (range.max !== undefined && value > range.max) throw malformedBody(`${path}/${key}: ${value} is not less or equal to ${range.max}`);
  return value;
}

export function optionalInteger(body: JsonObject, key: string, range: { min?: number; max?: number } = {}, path = '#'): number | undefined {
  const value = optionalNumber(body, key, range, path);
  if (value !== undefined && !Number.isInteger(value)) throw typeError(`${path}/${key}`, 'Integer', value);
  return value;
}

export function optionalStringList(body: JsonObject, key: string, path = '#'): string[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw typeError(`${path}/${key}`, 'JSONArray', value);
  return value.map((item, i) => {
    if (typeof item !== 'string') throw typeError(`${path}/${key}/${i}`, 'String', item);
    return item;
  });
}

export function typeError(path: string, expected: string, found: unknown): Error {
  return malformedBody(`${path}: expected type: ${expected}, found: ${jsonTypeName(found)}`);
}

function jsonTypeName(value: unknown): string {
  if (Array.isArray(value)) return 'JSONArray';
  if (value === null) return 'Null';
  switch (typeof value) {
    case 'string': return 'String';
    case 'number': return Number.isInteger(value) ? 'Integer' : 'BigDecimal';
    case 'boolean': return 'Boolean';
    default: return 'JSONObject';
  }
}
