import { ServiceError } from '../../kernel/index.js';
import type { ShapeTable } from '../../models/index.js';

/**
 * JSON carries blobs as base64 text. Requests are walked along the input shape table so that exactly the members the
 * model types as blobs become bytes (a string member that happens to look like base64 is left alone); responses
 * need no model: every `Uint8Array` an operation returns is a blob, and is written as base64.
 */
export function decodeJsonBlobs(table: ShapeTable, shapeName: string, value: unknown, path = ''): unknown {
  const spec = table[shapeName];
  if (spec === undefined || value === null || value === undefined) return value;
  switch (spec.type) {
    case 'blob':
      return typeof value === 'string' ? decodeBase64(value, path) : value;
    case 'list':
      return Array.isArray(value) ? value.map((item, i) => decodeJsonBlobs(table, spec.member, item, `${path}.${i + 1}`)) : value;
    case 'map':
      if (!isPlainObject(value)) return value;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeJsonBlobs(table, spec.value, v, `${path}.${k}`)]));
    case 'structure': {
      if (!isPlainObject(value)) return value;
      const out: Record<string, unknown> = { ...value };
      for (const [member, memberShape] of Object.entries(spec.members)) {
        if (member in out) out[member] = decodeJsonBlobs(table, memberShape, out[member], path === '' ? member : `${path}.${member}`);
      }
      return out;
    }
    default:
      return value;
  }
}

/** `JSON.stringify` with blobs as base64. */
export function stringifyWithBlobs(value: unknown): string {
  // The holder's own value is checked, not `v`: a Buffer has already been turned into `{type, data}` by its toJSON.
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key];
    return raw instanceof Uint8Array ? Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') : v;
  });
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeBase64(text: string, path: string): Uint8Array {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 === 1 || !BASE64.test(compact)) {
    throw new ServiceError('SerializationException', `Invalid base64 in '${path}'.`);
  }
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
