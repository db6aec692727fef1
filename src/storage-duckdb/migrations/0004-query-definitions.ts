import type { Migration } from './migration.js';

/**
 * Saved Logs Insights queries, one row per definition. Log group names and parameters are JSON documents: they are
 * read whole with their definition and never queried by member.
 */
export const queryDefinitions: Migration = {
  version: 4,
  name: 'query definitions',
  statements: [
    `CREATE TABLE query_definitions (
      account_id VARCHAR NOT NULL,
      region VARCHAR NOT NULL,
      query_definition_id VARCHAR NOT NULL,
      name VARCHAR NOT NULL,
      query_language VARCHAR NOT NULL,
      query_string VARCHAR NOT NULL,
      last_modified BIGINT NOT NULL,
      log_group_names VARCHAR NOT NULL,
      parameters VARCHAR NOT NULL,
      client_token VARCHAR
    )`,
  ],
};
