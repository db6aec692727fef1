import type { Scope } from '../storage/index.js';
import { groupKey } from './id-cache.js';

// Bounded so millions of groups cannot grow the heap; a miss only costs one query.
const MAX_ENTRIES = 100_000;

/**
 * Something of each group that write paths read on every call and that changes only with the group's own
 * settings: its creation time and retention (every PutLogEvents and FilterLogEvents call), its metric filters
 * (every write, to publish their datapoints). A query for either cost a few milliseconds of DuckDB time per call.
 *
 * Reads fill it, so a read must not keep an answer from a snapshot older than a change: every committed change
 * bumps the generation, and an answer read while the generation moved is returned but not kept.
 */
export class GroupCache<T> {
  private readonly entries = new Map<string, T>();
  private generation = 0;

  async through(scope: Scope, logGroupName: string, read: () => Promise<T | undefined>): Promise<T | undefined> {
    const key = groupKey(scope, logGroupName);
    const cached = this.entries.get(key);
    if (cached !== undefined) return cached;
    const generation = this.generation;
    const value = await read();
    // A missing group is not kept: creating it would need an invalidation of its own.
    if (value !== undefined && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, value);
    }
    return value;
  }

  /** Call once a change to what is kept of the group (its row, its metric filters, its deletion) is committed. */
  changed(scope: Scope, logGroupName: string): void {
    this.generation++;
    this.entries.delete(groupKey(scope, logGroupName));
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
