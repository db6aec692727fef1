import type { Migration } from './migration.js';

const LEADING = `group_id BIGINT NOT NULL,
      stream_id BIGINT NOT NULL,
      timestamp BIGINT NOT NULL,
      ingestion_time BIGINT NOT NULL,
      seq BIGINT NOT NULL,
      message VARCHAR NOT NULL,
      message_bytes INTEGER`;
const LEADING_NAMES = 'group_id, stream_id, timestamp, ingestion_time, seq, message, message_bytes';
/** Migration 0005's field columns, in their order there. */
const FIELDS = ['f_model_id', 'f_operation', 'f_request_id', 'f_error_code', 'f_input_tokens', 'f_output_tokens', 'f_latency_ms'];

/**
 * Invocation records with extracted fields move to a table of their own, `log_records`, and `log_events` keeps
 * every other event without the field columns (event-tables.ts says why). `log_events` is rebuilt rather than
 * altered, because DuckDB refuses to commit a transaction that deletes rows from a table and drops its columns.
 * Records stored before migration 0005 (no flag) stay in `log_events` and are read through their JSON, as before.
 */
export const recordsTable: Migration = {
  version: 6,
  name: 'invocation records in a table of their own',
  statements: [
    `CREATE TABLE log_records (
      ${LEADING},
      ${FIELDS.map((column) => `${column} VARCHAR`).join(',\n      ')}
    )`,
    `INSERT INTO log_records SELECT ${LEADING_NAMES}, ${FIELDS.join(', ')} FROM log_events WHERE fields_indexed`,
    `CREATE TABLE log_events_v6 (
      ${LEADING}
    )`,
    `INSERT INTO log_events_v6 SELECT ${LEADING_NAMES} FROM log_events WHERE fields_indexed IS NOT TRUE`,
    'DROP TABLE log_events',
    'ALTER TABLE log_events_v6 RENAME TO log_events',
  ],
};
