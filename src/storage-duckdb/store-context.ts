import type { LogGroupRetention, MetricFilterRecord } from '../storage/index.js';
import type { FreedMemoryReturn } from './freed-memory.js';
import type { GroupCache } from './group-cache.js';
import type { IdCache } from './id-cache.js';
import type { MalformedJsonGroups } from './malformed-json-groups.js';
import type { PendingMetadata } from './pending-metadata.js';
import type { QuerySettingsWindow } from './query-settings-window.js';
import type { ReadPool } from './read-pool.js';
import type { StoreCounters } from './store-counters.js';
import type { WriteLane } from './write-lane.js';

/**
 * What the query modules share: the write lane, the read connections, the id, retention and metric filter caches, the counters,
 * the pending stream metadata, the query window, what JSON reads learnt, and the return of freed memory after writes.
 */
export interface StoreContext {
  readonly lane: WriteLane;
  readonly reads: ReadPool;
  readonly ids: IdCache;
  readonly retention: GroupCache<LogGroupRetention>;
  /** Each group's metric filters, all of them, in name order. */
  readonly metricFilters: GroupCache<readonly MetricFilterRecord[]>;
  readonly counters: StoreCounters;
  /** Stream and group metadata of committed events, written later; `settle` it before reading those columns. */
  readonly metadata: PendingMetadata;
  /** One per database: DuckDB's threads and memory cap are process-wide, so every scan-heavy read shares it. */
  readonly queryWindow: QuerySettingsWindow;
  readonly malformedJson: MalformedJsonGroups;
  readonly freedMemory: FreedMemoryReturn;
}
