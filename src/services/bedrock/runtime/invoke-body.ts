import type { InvocationBody, InvocationModality } from '../invocation-outcome.js';
import { isObject, type JsonObject } from './body-formats/body-checks.js';
import { malformedBody } from './runtime-errors.js';

/** The InvokeModel body as JSON: Bedrock's models all take JSON objects, so anything else is malformed. */
export function parseInvokeBody(bytes: Uint8Array | undefined): JsonObject {
  if (bytes === undefined || bytes.length === 0) throw malformedBody('#: expected type: JSONObject, found: Null');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch {
    throw malformedBody('#: the body is not valid JSON');
  }
  if (!isObject(parsed)) throw malformedBody('#: expected type: JSONObject');
  return parsed;
}

/** The record's view of the raw request body: JSON when it parses, else the bytes. */
export function invokeInputBody(bytes: Uint8Array | undefined, contentType: string | undefined, modalities: readonly InvocationModality[]): InvocationBody {
  const type = contentType ?? 'application/json';
  if (bytes === undefined) return { contentType: type, modalities };
  try {
    return { contentType: type, json: JSON.parse(Buffer.from(bytes).toString('utf8')), modalities };
  } catch {
    return { contentType: type, bytes, modalities };
  }
}

export function jsonBytes(value: unknown): Uint8Array {
  return new Uint8Array(Buffer.from(JSON.stringify(value), 'utf8'));
}

/** Text formats read images as input too; the record's image toggle then applies. */
export function textModalities(body: JsonObject): InvocationModality[] {
  return JSON.stringify(body).includes('"image"') ? ['text', 'image'] : ['text'];
}
