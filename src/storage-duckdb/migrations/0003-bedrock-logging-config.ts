import type { Migration } from './migration.js';

/**
 * Bedrock model invocation logging configurations, one row per account and region. The configuration is kept as
 * its JSON document: it is read whole, never queried by member, and new API members then need no migration.
 */
export const bedrockLoggingConfig: Migration = {
  version: 3,
  name: 'bedrock logging config',
  statements: [
    `CREATE TABLE bedrock_logging_configs (
      account_id VARCHAR NOT NULL,
      region VARCHAR NOT NULL,
      config_json VARCHAR NOT NULL
    )`,
  ],
};
