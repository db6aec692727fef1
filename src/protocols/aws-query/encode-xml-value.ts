import { assertNever } from '../../kernel/index.js';
import type { QueryScalarType, QueryServiceShapes, QueryShapeRef } from './query-shapes.js';
import { resolveShape } from './resolve-shape.js';
import { element, xmlText } from './xml-text.js';

/**
 * The XML content for `value` as `ref` describes it (without the enclosing element, except for flattened
 * collections, which repeat `name` themselves). Members the shape does not list, and null/undefined ones, are
 * left out. A value of the wrong kind is a bug in the operation, so it throws a plain Error (a 500).
 */
export function encodeXmlValue(ref: QueryShapeRef, value: unknown, name: string, service: QueryServiceShapes): string {
  const shape = resolveShape(ref, service);
  switch (shape.type) {
    case 'structure': {
      const record = expectRecord(value, name);
      let xml = '';
      for (const [member, memberRef] of Object.entries(shape.members)) {
        const v = record[member];
        if (v === undefined || v === null) continue;
        xml += encodeMember(memberRef, v, member, service);
      }
      return xml;
    }
    case 'list': {
      if (!Array.isArray(value)) throw new Error(`awsQuery output: ${name} should be an array`);
      const itemName = shape.flattened ? name : shape.memberName ?? 'member';
      return value.map((item: unknown) => encodeMember(shape.member, item, itemName, service)).join('');
    }
    case 'map': {
      const entries = Object.entries(expectRecord(value, name));
      const keyName = shape.keyName ?? 'key';
      const valueName = shape.valueName ?? 'value';
      const entryXml = (k: string, v: unknown) =>
        element(keyName, encodeXmlValue(shape.key, k, keyName, service)) + encodeMember(shape.value, v, valueName, service);
      return entries.map(([k, v]) => element(shape.flattened ? name : 'entry', entryXml(k, v))).join('');
    }
    default:
      return xmlText(encodeScalar(shape.type, value, name));
  }
}

/** A member in its element; flattened lists and maps already repeat their own name. */
function encodeMember(ref: QueryShapeRef, value: unknown, name: string, service: QueryServiceShapes): string {
  const shape = resolveShape(ref, service);
  const inner = encodeXmlValue(shape, value, name, service);
  return (shape.type === 'list' || shape.type === 'map') && shape.flattened ? inner : element(name, inner);
}

function encodeScalar(type: QueryScalarType, value: unknown, name: string): string {
  switch (type) {
    case 'string':
      if (typeof value === 'string') return value;
      break;
    case 'number':
    case 'integer':
      // String() already spells NaN / Infinity / -Infinity as AWS does.
      if (typeof value === 'number') return String(value);
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value ? 'true' : 'false';
      break;
    case 'timestamp':
      return encodeTimestamp(value, name);
    case 'blob':
      if (typeof value === 'string') return value;
      if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
      break;
    default:
      return assertNever(type, 'scalar type');
  }
  throw new Error(`awsQuery output: ${name} should be a ${type}, got ${typeof value}`);
}

/** Epoch seconds (as the JSON wire carries them), a Date, or ISO text -> ISO-8601, without `.000` when whole. */
function encodeTimestamp(value: unknown, name: string): string {
  let ms: number;
  if (typeof value === 'number') ms = value * 1000;
  else if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'string') ms = Date.parse(value);
  else throw new Error(`awsQuery output: ${name} should be a timestamp, got ${typeof value}`);
  if (!Number.isFinite(ms)) throw new Error(`awsQuery output: ${name} is not a valid timestamp`);
  return new Date(Math.round(ms)).toISOString().replace('.000Z', 'Z');
}

function expectRecord(value: unknown, name: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`awsQuery output: ${name} should be an object`);
  }
  return value as Readonly<Record<string, unknown>>;
}
