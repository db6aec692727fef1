import type { ListLogStreamsQuery, LogStreamRecord, Scope } from '../storage/index.js';
import { EVENT_TABLES } from './event-tables.js';
import { lookupGroup, queryGroupId, queryStreamId } from './lookups.js';
import { SqlParams, num, optionalNum, str, type SqlRow } from './sql-values.js';
import type { StoreContext } from './store-context.js';

const STREAM_COLUMNS = 'name, creation_time, first_event_timestamp, last_event_timestamp, last_ingestion_time';

export function createLogStream(ctx: StoreContext, scope: Scope, logGroupName: string, logStreamName: string, creationTime: number): Promise<'created' | 'exists' | 'no-group'> {
  return ctx.lane.transaction(async (db) => {
    const groupId = await queryGroupId(db, scope, logGroupName);
    if (groupId === undefined) return 'no-group';
    if ((await queryStreamId(db, groupId, logStreamName)) !== undefined) return 'exists';
    const streamId = ctx.counters.take('next_stream_id');
    const p = new SqlParams();
    await db.run(
      `INSERT INTO log_streams (stream_id, group_id, name, creation_time, stored_bytes)
       VALUES (${p.bigint(streamId)}, ${p.bigint(groupId)}, ${p.text(logStreamName)}, ${p.bigint(creationTime)}, 0)`,
      p,
    );
    await ctx.counters.persist(db, 'next_stream_id');
    return 'created';
  });
}

/** The stream's bytes leave the group's storedBytes with its events. */
export function deleteLogStream(ctx: StoreContext, scope: Scope, logGroupName: string, logStreamName: string): Promise<'deleted' | 'no-group' | 'no-stream'> {
  return ctx.lane.transaction(async (db) => {
    const groupId = await queryGroupId(db, scope, logGroupName);
    if (groupId === undefined) return 'no-group';
    const streamId = await queryStreamId(db, groupId, logStreamName);
    if (streamId === undefined) return 'no-stream';
    ctx.ids.forgetStream(scope, logGroupName, logStreamName);
    await ctx.counters.persist(db, 'next_seq');
    const p = new SqlParams();
    const group = p.bigint(groupId);
    const stream = p.bigint(streamId);
    for (const table of EVENT_TABLES) await db.run(`DELETE FROM ${table} WHERE group_id = ${group} AND stream_id = ${stream}`, p);
    await db.run(
      `UPDATE log_groups SET stored_bytes = log_groups.stored_bytes - s.stored_bytes
       FROM log_streams s WHERE s.stream_id = ${stream} AND log_groups.group_id = ${group}`,
      p,
    );
    await db.run(`DELETE FROM log_streams WHERE stream_id = ${stream} AND group_id = ${group}`, p);
    return 'deleted';
  });
}

export async function getLogStream(ctx: StoreContext, scope: Scope, logGroupName: string, logStreamName: string): Promise<LogStreamRecord | undefined> {
  await ctx.metadata.settle(ctx.lane);
  return ctx.reads.use(async (db) => {
    const groupId = await lookupGroup(ctx, db, scope, logGroupName, false);
    if (groupId === undefined) return undefined;
    const p = new SqlParams();
    const rows = await db.rows(
      `SELECT ${STREAM_COLUMNS} FROM log_streams WHERE group_id = ${p.bigint(groupId)} AND name = ${p.text(logStreamName)}`,
      p,
    );
    return rows[0] === undefined ? undefined : streamRecord(logGroupName, rows[0]);
  });
}

export async function listLogStreams(ctx: StoreContext, scope: Scope, logGroupName: string, query: ListLogStreamsQuery): Promise<LogStreamRecord[] | 'no-group'> {
  await ctx.metadata.settle(ctx.lane);
  return ctx.reads.use(async (db) => {
    const groupId = await lookupGroup(ctx, db, scope, logGroupName, false);
    if (groupId === undefined) return 'no-group';
    const p = new SqlParams();
    const where = [`group_id = ${p.bigint(groupId)}`];
    if (query.namePrefix !== undefined) where.push(`starts_with(name, ${p.text(query.namePrefix)})`);
    const beyond = query.descending ? '<' : '>';
    const direction = query.descending ? 'DESC' : 'ASC';
    let order: string;
    if (query.orderBy === 'LogStreamName') {
      if (query.after !== undefined) where.push(`name ${beyond} ${p.text(query.after.logStreamName)}`);
      order = `name ${direction}`;
    } else {
      // Streams without events sort as 0, as on AWS; the name breaks ties in the same direction.
      const lastEvent = 'coalesce(last_event_timestamp, 0)';
      if (query.after !== undefined) {
        const time = p.bigint(query.after.lastEventTimestamp ?? 0);
        where.push(`(${lastEvent} ${beyond} ${time} OR (${lastEvent} = ${time} AND name ${beyond} ${p.text(query.after.logStreamName)}))`);
      }
      order = `${lastEvent} ${direction}, name ${direction}`;
    }
    const rows = await db.rows(
      `SELECT ${STREAM_COLUMNS} FROM log_streams WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${p.bigint(query.limit)}`,
      p,
    );
    return rows.map((row) => streamRecord(logGroupName, row));
  });
}

function streamRecord(logGroupName: string, row: SqlRow): LogStreamRecord {
  const first = optionalNum(row, 'first_event_timestamp');
  const last = optionalNum(row, 'last_event_timestamp');
  const ingestion = optionalNum(row, 'last_ingestion_time');
  return {
    logGroupName,
    logStreamName: str(row, 'name'),
    creationTime: num(row, 'creation_time'),
    ...(first === undefined ? {} : { firstEventTimestamp: first }),
    ...(last === undefined ? {} : { lastEventTimestamp: last }),
    ...(ingestion === undefined ? {} : { lastIngestionTime: ingestion }),
  };
}
