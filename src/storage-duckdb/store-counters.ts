import type { SqlRunner } from './sql-runner.js';
import { EVENT_TABLES } from './event-tables.js';
import { SqlParams, num, str } from './sql-values.js';

export type CounterName = 'next_group_id' | 'next_stream_id' | 'next_seq';

/**
 * Ids and seq numbers handed out in memory (only the write lane calls `take`). Ids are written back in the
 * transaction that uses them. Seq numbers are not written per commit (that would cost a statement in every group
 * commit): on open they resume after the largest stored seq, and deletes record the high-water mark first, so a
 * seq is never handed out twice while any event could still hold it. A rolled-back transaction leaves a gap.
 */
export class StoreCounters {
  private readonly next: Record<CounterName, number>;

  private constructor(next: Record<CounterName, number>) {
    this.next = next;
  }

  static async load(db: SqlRunner): Promise<StoreCounters> {
    const rows = await db.rows(`SELECT name, value FROM store_counters
      ${EVENT_TABLES.map((table) => `UNION ALL SELECT 'next_seq', coalesce(max(seq), 0) + 1 FROM ${table}`).join('\n      ')}
      UNION ALL SELECT 'next_group_id', coalesce(max(group_id), 0) + 1 FROM log_groups
      UNION ALL SELECT 'next_stream_id', coalesce(max(stream_id), 0) + 1 FROM log_streams`);
    const next: Record<CounterName, number> = { next_group_id: 1, next_stream_id: 1, next_seq: 1 };
    for (const row of rows) {
      const name = str(row, 'name');
      if (name === 'next_group_id' || name === 'next_stream_id' || name === 'next_seq') next[name] = Math.max(next[name], num(row, 'value'));
    }
    return new StoreCounters(next);
  }

  /** Reserves `count` consecutive values and returns the first. */
  take(name: CounterName, count = 1): number {
    const first = this.next[name];
    this.next[name] = first + count;
    return first;
  }

  /** The value the next `take` starts at. */
  peek(name: CounterName): number {
    return this.next[name];
  }

  /** Records the current high-water mark inside the caller's transaction. */
  async persist(db: SqlRunner, name: CounterName): Promise<void> {
    const p = new SqlParams();
    await db.run(`UPDATE store_counters SET value = ${p.bigint(this.next[name])} WHERE name = ${p.text(name)}`, p);
  }
}
