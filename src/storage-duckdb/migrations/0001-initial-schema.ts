import type { Migration } from './migration.js';

/**
 * Ids instead of names in the big tables: events carry (group_id, stream_id) only, and ids are never reused, so
 * a deleted-and-recreated stream can never see its predecessor's events. There are no PRIMARY KEY/UNIQUE
 * constraints: the write lane serialises every write and checks uniqueness itself, and DuckDB's ART indexes would
 * cost memory and turn the per-commit UPDATEs of stream metadata into delete+insert.
 */
export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema',
  statements: [
    `CREATE TABLE log_groups (
      group_id BIGINT NOT NULL,
      account_id VARCHAR NOT NULL,
      region VARCHAR NOT NULL,
      name VARCHAR NOT NULL,
      creation_time BIGINT NOT NULL,
      retention_in_days INTEGER,
      kms_key_id VARCHAR,
      log_group_class VARCHAR NOT NULL,
      deletion_protection BOOLEAN NOT NULL,
      tags VARCHAR NOT NULL,
      stored_bytes BIGINT NOT NULL DEFAULT 0
    )`,
    `CREATE TABLE log_streams (
      stream_id BIGINT NOT NULL,
      group_id BIGINT NOT NULL,
      name VARCHAR NOT NULL,
      creation_time BIGINT NOT NULL,
      first_event_timestamp BIGINT,
      last_event_timestamp BIGINT,
      last_ingestion_time BIGINT,
      stored_bytes BIGINT NOT NULL DEFAULT 0
    )`,
    `CREATE TABLE log_events (
      group_id BIGINT NOT NULL,
      stream_id BIGINT NOT NULL,
      timestamp BIGINT NOT NULL,
      ingestion_time BIGINT NOT NULL,
      seq BIGINT NOT NULL,
      message VARCHAR NOT NULL
    )`,
    `CREATE TABLE metric_filters (
      group_id BIGINT NOT NULL,
      filter_name VARCHAR NOT NULL,
      filter_pattern VARCHAR NOT NULL,
      metric_transformations VARCHAR NOT NULL,
      creation_time BIGINT NOT NULL,
      apply_on_transformed_logs BOOLEAN NOT NULL,
      field_selection_criteria VARCHAR,
      emit_system_field_dimensions VARCHAR
    )`,
    // High-water marks, so ids and seq numbers stay unique even after the rows holding the maximum are deleted.
    `CREATE TABLE store_counters (name VARCHAR NOT NULL, value BIGINT NOT NULL)`,
    `INSERT INTO store_counters VALUES ('next_group_id', 1), ('next_stream_id', 1), ('next_seq', 1)`,
  ],
};
