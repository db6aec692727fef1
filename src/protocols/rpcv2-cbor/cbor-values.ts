import { dateToTag, tagSymbol } from '@smithy/core/cbor';
import type { QueryServiceShapes, QueryShape, QueryShapeRef } from '../aws-query/index.js';

/**
 * Converts between CBOR data items and the plain data the services see (the form the JSON codec yields):
 * timestamps (tag 1) become epoch-seconds numbers, byte strings become base64 text, bigints become numbers.
 */
export function fromCborValue(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(fromCborValue);
  if (typeof value !== 'object') return value;
  // Tag 1 (epoch-seconds timestamp) is the only tag rpcv2Cbor uses; its number is the plain form.
  if (isTag(value)) return fromCborValue(value.value);
  const result: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    // rpcv2Cbor allows null for absent structure members; the services expect them missing, as in JSON.
    if (member !== null && member !== undefined) result[key] = fromCborValue(member);
  }
  return result;
}

/**
 * Shapes an output for CBOR: timestamp members (epoch seconds, `Date` or ISO text) become tag-1 items and blob
 * members (base64 text) byte strings, as botocore and the JS SDK parse them. Without a shape, values pass as they are.
 */
export function toCborValue(value: unknown, ref: QueryShapeRef | undefined, shapes: QueryServiceShapes | undefined): unknown {
  if (value === null || value === undefined) return undefined;
  const shape = ref === undefined || shapes === undefined ? undefined : resolve(ref, shapes);
  if (shape?.type === 'timestamp') return toTimestamp(value);
  if (shape?.type === 'blob' && typeof value === 'string') return new Uint8Array(Buffer.from(value, 'base64'));
  if (Array.isArray(value)) {
    const member = shape?.type === 'list' ? shape.member : undefined;
    return value.map((item) => toCborValue(item, member, shapes) ?? null);
  }
  if (value instanceof Date) return dateToTag(value);
  if (value instanceof Uint8Array || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    const memberRef = shape?.type === 'structure' ? shape.members[key] : shape?.type === 'map' ? shape.value : undefined;
    const encoded = toCborValue(member, memberRef, shapes);
    if (encoded !== undefined) result[key] = encoded;
  }
  return result;
}

function toTimestamp(value: unknown): unknown {
  if (value instanceof Date) return dateToTag(value);
  if (typeof value === 'number') return dateToTag(new Date(value * 1000));
  if (typeof value === 'string') {
    const millis = Date.parse(value);
    return Number.isNaN(millis) ? value : dateToTag(new Date(millis));
  }
  return value;
}

const SCALARS = new Set(['string', 'number', 'integer', 'boolean', 'timestamp', 'blob']);

function resolve(ref: QueryShapeRef, shapes: QueryServiceShapes): QueryShape | undefined {
  if (typeof ref !== 'string') return ref;
  if (SCALARS.has(ref)) return { type: ref } as QueryShape;
  return shapes.shapes?.[ref];
}

function isTag(value: object): value is { tag: number | bigint; value: unknown } {
  return tagSymbol in value;
}
