/**
 * The Bedrock invocation-record fields kept in columns of their own at ingest, so Logs Insights filters and
 * aggregates them without parsing the record's JSON. Records with them are stored in `log_records`
 * (event-tables.ts), each column holding exactly what DuckDB's json_extract_string(message, path) returns; other
 * messages, and records written before migration 0005, are in `log_events` and read through JSON as before.
 */
export interface IndexedField {
  /** The Insights field name, i.e. the JSON path with dots. */
  readonly path: string;
  /** Its column in `log_records`. */
  readonly column: string;
}

export const INDEXED_FIELDS: readonly IndexedField[] = [
  { path: 'modelId', column: 'f_model_id' },
  { path: 'operation', column: 'f_operation' },
  { path: 'requestId', column: 'f_request_id' },
  { path: 'errorCode', column: 'f_error_code' },
  { path: 'input.inputTokenCount', column: 'f_input_tokens' },
  { path: 'output.outputTokenCount', column: 'f_output_tokens' },
  { path: 'output.outputBodyJson.metrics.latencyMs', column: 'f_latency_ms' },
];

const STEPS = INDEXED_FIELDS.map((field) => field.path.split('.'));
const RECORD_START = '{"schemaType":"ModelInvocationLog"';
const RECORD_START_BYTES = Buffer.from(RECORD_START);

/** Whether UTF-8 message bytes `[start, end)` begin as a record does: only those need decoding to be looked at. */
export function mayBeRecord(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start < RECORD_START_BYTES.length) return false;
  for (let i = 0; i < RECORD_START_BYTES.length; i++) if (bytes[start + i] !== RECORD_START_BYTES[i]) return false;
  return true;
}

/**
 * The indexed fields' values of a ModelInvocationLog record, or undefined when the message is not one or is not in
 * the canonical form JSON.stringify writes (as Bedrock logging writes it). Only canonical records are indexed:
 * then every value's text (strings unescaped, integers, nested JSON minified) is what json_extract_string gives,
 * which a parse alone cannot promise (`1.50`, duplicate keys, huge integers).
 */
export function indexedFieldValues(message: string): (string | null)[] | undefined {
  if (!message.startsWith(RECORD_START)) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(message);
  } catch {
    return undefined;
  }
  if (JSON.stringify(doc) !== message) return undefined;
  const values: (string | null)[] = [];
  for (const steps of STEPS) {
    let value: unknown = doc;
    for (const step of steps) value = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[step] : undefined;
    const text = scalarText(value);
    if (text === false) return undefined;
    values.push(text);
  }
  return values;
}

/** json_extract_string's text for a value; false for one whose text could differ (a non-integer or unsafe number). */
function scalarText(value: unknown): string | null | false {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : false;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value);
}
