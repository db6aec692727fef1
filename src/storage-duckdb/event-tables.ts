import { INDEXED_FIELDS } from './indexed-fields.js';

/**
 * Events are stored in two tables of the same leading columns (migration 0006): Bedrock invocation records whose
 * fields were extracted at ingest (indexed-fields.ts) in `log_records`, with a column per field, and every other
 * event in `log_events`. DuckDB analyses, compresses and writes every column of every row group it commits, so
 * the field columns, NULL for plain events, cost plain ingest as much as records' (5 M plain events: 2.2 us of
 * DuckDB's commit per event with them, 1.4 without). Both tables share the seq counter, so seq stays unique.
 */
export const PLAIN_EVENTS = 'log_events';
export const RECORD_EVENTS = 'log_records';
export const EVENT_TABLES: readonly string[] = [PLAIN_EVENTS, RECORD_EVENTS];

/** The columns both tables have, in their storage order (the field columns follow in `log_records`). */
export const SHARED_EVENT_COLUMNS: readonly string[] = ['group_id', 'stream_id', 'timestamp', 'ingestion_time', 'seq', 'message', 'message_bytes'];

/** The record table's field columns, in INDEXED_FIELDS order. */
export const RECORD_FIELD_COLUMNS: readonly string[] = INDEXED_FIELDS.map((field) => field.column);

/**
 * One statement per table, their rows together: `select` writes it for a table name. A WHERE, ORDER BY and LIMIT
 * inside stay per table, where DuckDB prunes row groups and reads a top-N's other columns for its rows only.
 */
export function overEventTables(select: (table: string) => string): string {
  return EVENT_TABLES.map((table) => `(${select(table)})`).join('\nUNION ALL\n');
}
