import type { Migration } from './migration.js';

/**
 * Columns for the Bedrock invocation-record fields Logs Insights queries most (indexed-fields.ts), filled at ingest
 * for ModelInvocationLog records, and every message's size. Nullable and default NULL: events stored before this migration keep being read
 * through their JSON, so no backfill is needed.
 */
export const indexedRecordFields: Migration = {
  version: 5,
  name: 'indexed invocation record fields',
  statements: [
    'ALTER TABLE log_events ADD COLUMN fields_indexed BOOLEAN',
    ...['f_model_id', 'f_operation', 'f_request_id', 'f_error_code', 'f_input_tokens', 'f_output_tokens', 'f_latency_ms'].map(
      (column) => `ALTER TABLE log_events ADD COLUMN ${column} VARCHAR`,
    ),
    // UTF-8 bytes of the message, known at ingest: bytesScanned then needs no pass over the messages.
    'ALTER TABLE log_events ADD COLUMN message_bytes INTEGER',
  ],
};
