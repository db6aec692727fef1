import { assertNever, ServiceError } from '../../kernel/index.js';
import { indexedChildren, type ParamNode } from './form-params.js';
import type { QueryScalarType, QueryServiceShapes, QueryShapeRef } from './query-shapes.js';
import { resolveShape } from './resolve-shape.js';

/**
 * Decodes the parameters under `node` as `ref` describes them. Returns undefined when nothing was sent for it;
 * parameters no shape mentions are ignored, as AWS does.
 */
export function decodeQueryValue(ref: QueryShapeRef, node: ParamNode, path: string, service: QueryServiceShapes): unknown {
  const shape = resolveShape(ref, service);
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [name, memberRef] of Object.entries(shape.members)) {
        const child = node.children.get(name);
        if (child === undefined) continue;
        const value = decodeQueryValue(memberRef, child, path === '' ? name : `${path}.${name}`, service);
        if (value !== undefined) out[name] = value;
      }
      return out;
    }
    case 'list': {
      const memberName = shape.memberName ?? 'member';
      const items = shape.flattened ? node : node.children.get(memberName);
      // An empty list is sent as a bare `Foo=`.
      if (items === undefined) return node.value === '' ? [] : undefined;
      const prefix = shape.flattened ? path : `${path}.${memberName}`;
      return indexedChildren(items)
        .map((item, i) => decodeQueryValue(shape.member, item, `${prefix}.${i + 1}`, service))
        .filter((item) => item !== undefined);
    }
    case 'map': {
      const entries = shape.flattened ? node : node.children.get('entry');
      if (entries === undefined) return node.value === '' ? {} : undefined;
      const keyName = shape.keyName ?? 'key';
      const valueName = shape.valueName ?? 'value';
      const pairs: Array<[string, unknown]> = [];
      indexedChildren(entries).forEach((entry, i) => {
        const key = entry.children.get(keyName)?.value;
        const valueNode = entry.children.get(valueName);
        if (key === undefined || valueNode === undefined) return;
        pairs.push([key, decodeQueryValue(shape.value, valueNode, `${path}.entry.${i + 1}.${valueName}`, service)]);
      });
      // fromEntries defines own properties, so a key like `__proto__` stays data.
      return Object.fromEntries(pairs);
    }
    default:
      return node.value === undefined ? undefined : decodeScalar(shape.type, node.value, path);
  }
}

function decodeScalar(type: QueryScalarType, text: string, path: string): unknown {
  switch (type) {
    case 'string':
    case 'blob':
      return text;
    case 'boolean':
      if (text === 'true' || text === 'false') return text === 'true';
      throw malformed(`Invalid value '${text}' for ${path}: expected true or false`);
    case 'integer':
      if (/^[+-]?\d+$/.test(text.trim())) return Number(text);
      throw malformed(`Invalid value '${text}' for ${path}: expected an integer`);
    case 'number': {
      // NaN and Infinity parse here on purpose: services reject them with their own messages.
      const n = Number(text);
      if (text.trim() !== '' && (!Number.isNaN(n) || text.trim() === 'NaN')) return n;
      throw malformed(`Invalid value '${text}' for ${path}: expected a number`);
    }
    case 'timestamp':
      return decodeTimestamp(text, path);
    default:
      return assertNever(type, 'scalar type');
  }
}

/** ISO-8601 as the SDKs send it; bare epoch seconds are accepted too. Result: epoch seconds, like the JSON wire. */
function decodeTimestamp(text: string, path: string): number {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) {
    const ms = Date.parse(text);
    if (!Number.isNaN(ms)) return ms / 1000;
  }
  throw malformed(`${path} timestamp must follow ISO8601`);
}

function malformed(message: string): ServiceError {
  return new ServiceError('MalformedInput', message, { queryCode: 'MalformedInput' });
}
