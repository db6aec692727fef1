import type { GroupRetentionCache } from './group-retention-cache.js';
import type { IdCache } from './id-cache.js';
import type { MalformedJsonGroups } from './malformed-json-groups.js';
import type { QuerySettingsWindow } from './query-settings-window.js';
import type { ReadPool } from './read-pool.js';
import type { StoreCounters } from './store-counters.js';
import type { WriteLane } from './write-lane.js';

/**
 * What the query modules share: the write lane, the read connections, the id and retention caches, the counters,
 * the query window and what JSON reads learnt.
 */
export interface StoreContext {
  readonly lane: WriteLane;
  readonly reads: ReadPool;
  readonly ids: IdCache;
  readonly retention: GroupRetentionCache;
  readonly counters: StoreCounters;
  /** One per database: DuckDB's threads and memory cap are process-wide, so every scan-heavy read shares it. */
  readonly queryWindow: QuerySettingsWindow;
  readonly malformedJson: MalformedJsonGroups;
}
