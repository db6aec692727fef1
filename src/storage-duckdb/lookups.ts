import type { Scope } from '../storage/index.js';
import type { StreamIds } from './id-cache.js';
import type { SqlRunner } from './sql-runner.js';
import { SqlParams, num } from './sql-values.js';
import type { StoreContext } from './store-context.js';

export type StreamLookup = StreamIds | 'no-group' | 'no-stream';

/** A group's id straight from the table (no cache). */
export async function queryGroupId(db: SqlRunner, scope: Scope, logGroupName: string): Promise<number | undefined> {
  const p = new SqlParams();
  const rows = await db.rows(
    `SELECT group_id FROM log_groups
     WHERE account_id = ${p.text(scope.accountId)} AND region = ${p.text(scope.region)} AND name = ${p.text(logGroupName)}`,
    p,
  );
  return rows[0] === undefined ? undefined : num(rows[0], 'group_id');
}

export async function queryStreamId(db: SqlRunner, groupId: number, logStreamName: string): Promise<number | undefined> {
  const p = new SqlParams();
  const rows = await db.rows(
    `SELECT stream_id FROM log_streams WHERE group_id = ${p.bigint(groupId)} AND name = ${p.text(logStreamName)}`,
    p,
  );
  return rows[0] === undefined ? undefined : num(rows[0], 'stream_id');
}

/**
 * Resolves names to ids through the cache. Only code running on the write lane may pass `remember: true`: a read
 * could otherwise cache ids from a snapshot taken just before a delete committed.
 */
export async function lookupGroup(ctx: StoreContext, db: SqlRunner, scope: Scope, logGroupName: string, remember: boolean): Promise<number | undefined> {
  const cached = ctx.ids.group(scope, logGroupName);
  if (cached !== undefined) return cached;
  const groupId = await queryGroupId(db, scope, logGroupName);
  if (groupId !== undefined && remember) ctx.ids.rememberGroup(scope, logGroupName, groupId);
  return groupId;
}

export async function lookupStream(
  ctx: StoreContext,
  db: SqlRunner,
  names: { readonly scope: Scope; readonly logGroupName: string; readonly logStreamName: string },
  remember: boolean,
): Promise<StreamLookup> {
  const cached = ctx.ids.stream(names.scope, names.logGroupName, names.logStreamName);
  if (cached !== undefined) return cached;
  const groupId = await lookupGroup(ctx, db, names.scope, names.logGroupName, remember);
  if (groupId === undefined) return 'no-group';
  const streamId = await queryStreamId(db, groupId, names.logStreamName);
  if (streamId === undefined) return 'no-stream';
  const ids = { groupId, streamId };
  if (remember) ctx.ids.rememberStream(names.scope, names.logGroupName, ids, names.logStreamName);
  return ids;
}
