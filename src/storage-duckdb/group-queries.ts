import type { LogGroupPatch, LogGroupRecord, LogGroupRetention, ListLogGroupsQuery, NewLogGroup, Scope } from '../storage/index.js';
import { EVENT_TABLES } from './event-tables.js';
import { GROUP_COLUMNS, groupRecord, parseTags, readGroup } from './group-rows.js';
import { queryGroupId } from './lookups.js';
import { SqlParams, num, optionalNum, str } from './sql-values.js';
import type { StoreContext } from './store-context.js';

export function createLogGroup(ctx: StoreContext, scope: Scope, group: NewLogGroup): Promise<'created' | 'exists'> {
  return ctx.lane.transaction(async (db) => {
    if ((await queryGroupId(db, scope, group.logGroupName)) !== undefined) return 'exists';
    const groupId = ctx.counters.take('next_group_id');
    const p = new SqlParams();
    await db.run(
      `INSERT INTO log_groups (group_id, account_id, region, name, creation_time, kms_key_id, log_group_class,
         deletion_protection, tags, stored_bytes)
       VALUES (${p.bigint(groupId)}, ${p.text(scope.accountId)}, ${p.text(scope.region)}, ${p.text(group.logGroupName)},
         ${p.bigint(group.creationTime)}, ${p.optionalText(group.kmsKeyId)}, ${p.text(group.logGroupClass)},
         ${p.bool(group.deletionProtectionEnabled)}, ${p.text(JSON.stringify(group.tags))}, 0)`,
      p,
    );
    await ctx.counters.persist(db, 'next_group_id');
    return 'created';
  });
}

/** Events first: they are the bulk, and deleting them by group_id is one pass over one column. */
export async function deleteLogGroup(ctx: StoreContext, scope: Scope, logGroupName: string): Promise<'deleted' | 'no-group'> {
  const outcome = await ctx.lane.transaction(async (db): Promise<'deleted' | 'no-group'> => {
    const groupId = await queryGroupId(db, scope, logGroupName);
    if (groupId === undefined) return 'no-group';
    ctx.ids.forgetGroup(scope, logGroupName);
    await ctx.counters.persist(db, 'next_seq');
    for (const table of [...EVENT_TABLES, 'log_streams', 'metric_filters', 'log_groups']) {
      const p = new SqlParams();
      await db.run(`DELETE FROM ${table} WHERE group_id = ${p.bigint(groupId)}`, p);
    }
    return 'deleted';
  });
  if (outcome === 'deleted') {
    ctx.retention.changed(scope, logGroupName);
    ctx.metricFilters.changed(scope, logGroupName);
  }
  return outcome;
}

export async function getLogGroup(ctx: StoreContext, scope: Scope, logGroupName: string): Promise<LogGroupRecord | undefined> {
  await ctx.metadata.settle(ctx.lane);
  return ctx.reads.use((db) => readGroup(db, scope, logGroupName));
}

export function getLogGroupRetention(ctx: StoreContext, scope: Scope, logGroupName: string): Promise<LogGroupRetention | undefined> {
  return ctx.retention.through(scope, logGroupName, () => ctx.reads.use(async (db) => {
    const p = new SqlParams();
    const rows = await db.rows(
      `SELECT creation_time, retention_in_days FROM log_groups
       WHERE account_id = ${p.text(scope.accountId)} AND region = ${p.text(scope.region)} AND name = ${p.text(logGroupName)}`,
      p,
    );
    if (rows[0] === undefined) return undefined;
    const retentionInDays = optionalNum(rows[0], 'retention_in_days');
    return { creationTime: num(rows[0], 'creation_time'), ...(retentionInDays === undefined ? {} : { retentionInDays }) };
  }));
}

export async function listLogGroups(ctx: StoreContext, scope: Scope, query: ListLogGroupsQuery): Promise<LogGroupRecord[]> {
  if (query.names !== undefined && query.names.length === 0) return [];
  await ctx.metadata.settle(ctx.lane);
  const p = new SqlParams();
  const where = [`g.account_id = ${p.text(scope.accountId)}`, `g.region = ${p.text(scope.region)}`];
  if (query.namePrefix !== undefined) where.push(`starts_with(g.name, ${p.text(query.namePrefix)})`);
  if (query.namePattern !== undefined) where.push(`contains(g.name, ${p.text(query.namePattern)})`);
  if (query.logGroupClass !== undefined) where.push(`g.log_group_class = ${p.text(query.logGroupClass)}`);
  if (query.names !== undefined) where.push(`list_contains(${p.textList(query.names)}, g.name)`);
  if (query.afterName !== undefined) where.push(`g.name > ${p.text(query.afterName)}`);
  // VARCHAR comparison in DuckDB is byte-wise, which is the ASCII order AWS lists in.
  const sql = `SELECT ${GROUP_COLUMNS} FROM log_groups g WHERE ${where.join(' AND ')} ORDER BY g.name LIMIT ${p.bigint(query.limit)}`;
  return ctx.reads.use(async (db) => (await db.rows(sql, p)).map(groupRecord));
}

export async function updateLogGroup(ctx: StoreContext, scope: Scope, logGroupName: string, patch: LogGroupPatch): Promise<'updated' | 'no-group'> {
  const outcome = await ctx.lane.transaction(async (db): Promise<'updated' | 'no-group'> => {
    const groupId = await queryGroupId(db, scope, logGroupName);
    if (groupId === undefined) return 'no-group';
    const p = new SqlParams();
    const sets: string[] = [];
    if (patch.retentionInDays !== undefined) sets.push(`retention_in_days = ${p.optionalInt(patch.retentionInDays)}`);
    if (patch.kmsKeyId !== undefined) sets.push(`kms_key_id = ${p.optionalText(patch.kmsKeyId)}`);
    if (patch.deletionProtectionEnabled !== undefined) sets.push(`deletion_protection = ${p.bool(patch.deletionProtectionEnabled)}`);
    if (sets.length > 0) await db.run(`UPDATE log_groups SET ${sets.join(', ')} WHERE group_id = ${p.bigint(groupId)}`, p);
    return 'updated';
  });
  if (outcome === 'updated' && patch.retentionInDays !== undefined) ctx.retention.changed(scope, logGroupName);
  return outcome;
}

export function changeTags(
  ctx: StoreContext,
  scope: Scope,
  logGroupName: string,
  change: (tags: Record<string, string>) => void,
): Promise<'updated' | 'no-group'> {
  return ctx.lane.transaction(async (db) => {
    const p = new SqlParams();
    const rows = await db.rows(
      `SELECT group_id, tags FROM log_groups
       WHERE account_id = ${p.text(scope.accountId)} AND region = ${p.text(scope.region)} AND name = ${p.text(logGroupName)}`,
      p,
    );
    const row = rows[0];
    if (row === undefined) return 'no-group';
    const tags = parseTags(str(row, 'tags'));
    change(tags);
    const u = new SqlParams();
    await db.run(`UPDATE log_groups SET tags = ${u.text(JSON.stringify(tags))} WHERE group_id = ${u.bigint(num(row, 'group_id'))}`, u);
    return 'updated';
  });
}
