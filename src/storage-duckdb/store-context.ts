import type { IdCache } from './id-cache.js';
import type { ReadPool } from './read-pool.js';
import type { StoreCounters } from './store-counters.js';
import type { WriteLane } from './write-lane.js';

/** What the query modules share: the write lane, the read connections, the id cache and the counters. */
export interface StoreContext {
  readonly lane: WriteLane;
  readonly reads: ReadPool;
  readonly ids: IdCache;
  readonly counters: StoreCounters;
}
