import { ServiceError } from '../../kernel/index.js';
import type { RestMemberBinding, RestShapeBinding, ShapeTable } from '../../models/index.js';
import type { WireRequest } from '../wire.js';
import { decodeJsonBlobs } from './json-blobs.js';

/**
 * Builds an operation's input from the HTTP request along its bindings: URI labels (already percent-decoded by the
 * template), query-string keys, headers (numbers, booleans, base64 JSON values), the raw payload member and the JSON
 * body members. Members absent from the request stay absent, so the validator reports them as AWS does.
 */
export function decodeRestRequest(options: {
  readonly request: WireRequest;
  readonly binding: RestShapeBinding | undefined;
  readonly labels: Readonly<Record<string, string>>;
  readonly shapes: ShapeTable;
}): Record<string, unknown> {
  const { request, binding, labels, shapes } = options;
  const input: Record<string, unknown> = {};
  if (binding === undefined) return input;
  let body: Record<string, unknown> | undefined;
  for (const [member, m] of Object.entries(binding.members)) {
    const value = readMember(m, request, labels, () => (body ??= parseJsonBody(request.body)));
    if (value !== undefined) input[member] = m.location === 'body' ? decodeJsonBlobs(shapes, m.shape, value, member) : value;
  }
  return input;
}

function readMember(
  m: RestMemberBinding,
  request: WireRequest,
  labels: Readonly<Record<string, string>>,
  jsonBody: () => Record<string, unknown>,
): unknown {
  switch (m.location) {
    case 'uri':
      return labels[m.name];
    case 'querystring': {
      if (m.type === 'other') {
        const all = request.query.getAll(m.name);
        return all.length === 0 ? undefined : all;
      }
      const text = request.query.get(m.name);
      return text === null ? undefined : parseText(m, text);
    }
    case 'header': {
      const text = request.headers[m.name.toLowerCase()];
      return text === undefined ? undefined : parseText(m, text);
    }
    case 'payload':
      if (m.type === 'blob') return request.body.length === 0 ? undefined : new Uint8Array(request.body);
      return request.body.length === 0 ? undefined : parseJsonBody(request.body);
    case 'body':
      return jsonBody()[m.name];
  }
}

function parseText(m: RestMemberBinding, text: string): unknown {
  if (m.jsonValue === true) return parseJson(Buffer.from(text, 'base64'), m.name);
  switch (m.type) {
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      const n = Number(text);
      if (text.trim() === '' || Number.isNaN(n)) throw new ServiceError('SerializationException', `Value '${text}' of ${m.name} is not a number.`);
      return n;
    }
    case 'boolean':
      if (text !== 'true' && text !== 'false') throw new ServiceError('SerializationException', `Value '${text}' of ${m.name} is not a boolean.`);
      return text === 'true';
    case 'blob':
      return new Uint8Array(Buffer.from(text, 'base64'));
    default:
      return text;
  }
}

function parseJsonBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  const parsed = parseJson(body, 'body');
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ServiceError('SerializationException', 'Start of structure or map found where not expected.');
  }
  return parsed as Record<string, unknown>;
}

function parseJson(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new ServiceError('SerializationException', `Could not parse ${what} as JSON: ${detail}`, { cause });
  }
}
