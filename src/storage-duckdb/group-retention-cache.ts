import type { LogGroupRetention, Scope } from '../storage/index.js';
import { groupKey } from './id-cache.js';

// Bounded so millions of groups cannot grow the heap; a miss only costs one query.
const MAX_ENTRIES = 100_000;

/**
 * Each group's creation time and retention, which every PutLogEvents and FilterLogEvents call needs and which
 * change only with the group's own settings: a query for them cost a few milliseconds of DuckDB time per call.
 *
 * Reads fill it, so a read must not keep an answer from a snapshot older than a change: every committed change
 * bumps the generation, and an answer read while the generation moved is returned but not kept.
 */
export class GroupRetentionCache {
  private readonly entries = new Map<string, LogGroupRetention>();
  private generation = 0;

  async through(scope: Scope, logGroupName: string, read: () => Promise<LogGroupRetention | undefined>): Promise<LogGroupRetention | undefined> {
    const key = groupKey(scope, logGroupName);
    const cached = this.entries.get(key);
    if (cached !== undefined) return cached;
    const generation = this.generation;
    const retention = await read();
    // A missing group is not kept: creating it would need an invalidation of its own.
    if (retention !== undefined && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, retention);
    }
    return retention;
  }

  /** Call once a change to the group's row (retention, deletion) is committed. */
  changed(scope: Scope, logGroupName: string): void {
    this.generation++;
    this.entries.delete(groupKey(scope, logGroupName));
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
