import { EVENT_TABLES } from './event-tables.js';
import type { SqlRunner } from './sql-runner.js';
import { SqlParams, optionalNum } from './sql-values.js';
import type { StoreContext } from './store-context.js';

const DAY_MS = 86_400_000;

/**
 * Deletes events older than their group's retention and takes their bytes off the streams' and groups' storedBytes,
 * all in one transaction. The plain `timestamp <` bound (the loosest cutoff of any group) lets DuckDB skip every row
 * group that is too recent to hold anything expired.
 */
export function purgeExpired(ctx: StoreContext, now: number): Promise<number> {
  return ctx.lane.transaction(async (db) => {
    const retained = await db.rows('SELECT min(retention_in_days) AS shortest FROM log_groups WHERE retention_in_days IS NOT NULL');
    const shortest = optionalNum(retained[0] ?? {}, 'shortest');
    if (shortest === undefined) return 0;
    await ctx.counters.persist(db, 'next_seq');
    let deleted = 0;
    for (const table of EVENT_TABLES) deleted += await purgeTable(db, table, now, shortest);
    return deleted;
  });
}

async function purgeTable(db: SqlRunner, table: string, now: number, shortest: number): Promise<number> {
  const p = new SqlParams();
  const loosestCutoff = p.bigint(now - shortest * DAY_MS);
  const expired = `${table}.timestamp < ${loosestCutoff}
    AND ${table}.timestamp < ${p.bigint(now)} - g.retention_in_days * ${DAY_MS}::BIGINT`;
  const expiredRows = `FROM ${table} JOIN log_groups g ON g.group_id = ${table}.group_id
    WHERE g.retention_in_days IS NOT NULL AND ${expired}`;
  await db.run(
    `UPDATE log_streams SET stored_bytes = log_streams.stored_bytes - x.bytes
     FROM (SELECT ${table}.stream_id, sum(strlen(${table}.message)) AS bytes ${expiredRows} GROUP BY ${table}.stream_id) x
     WHERE log_streams.stream_id = x.stream_id`,
    p,
  );
  await db.run(
    `UPDATE log_groups SET stored_bytes = log_groups.stored_bytes - x.bytes
     FROM (SELECT ${table}.group_id, sum(strlen(${table}.message)) AS bytes ${expiredRows} GROUP BY ${table}.group_id) x
     WHERE log_groups.group_id = x.group_id`,
    p,
  );
  return db.run(
    `DELETE FROM ${table} USING log_groups g
     WHERE g.group_id = ${table}.group_id AND g.retention_in_days IS NOT NULL AND ${expired}`,
    p,
  );
}
