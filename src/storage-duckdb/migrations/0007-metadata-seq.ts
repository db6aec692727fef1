import type { Migration } from './migration.js';

/**
 * Stream and group metadata stops being written in every event commit (pending-metadata.ts); this counter records
 * the seq below which every event is counted in it. Until now every commit counted its own events, so all of them
 * are.
 */
export const metadataSeq: Migration = {
  version: 7,
  name: 'the seq stream and group metadata has counted up to',
  statements: [
    `INSERT INTO store_counters
     SELECT 'metadata_seq', coalesce(max(seq), 0) + 1 FROM (SELECT seq FROM log_events UNION ALL SELECT seq FROM log_records)`,
  ],
};
