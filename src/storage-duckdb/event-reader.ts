import type { EventCursor, ReadStreamQuery, ScanBatchVisitor, ScanEventsQuery, Scope, StoredLogEvent, SubstringPrefilter } from '../storage/index.js';
import { overEventTables } from './event-tables.js';
import { jsonConditionSql, type JsonReading } from './json-condition-sql.js';
import { lookupGroup, lookupStream } from './lookups.js';
import { DuckDbStorageError } from './sql-runner.js';
import { SqlParams } from './sql-values.js';
import type { StoreContext } from './store-context.js';

export interface StreamName {
  readonly scope: Scope;
  readonly logGroupName: string;
  readonly logStreamName: string;
}

export interface GroupName {
  readonly scope: Scope;
  readonly logGroupName: string;
}

export function readStream(ctx: StoreContext, stream: StreamName, query: ReadStreamQuery): Promise<StoredLogEvent[]> {
  return ctx.reads.use(async (db) => {
    const ids = await lookupStream(ctx, db, stream, false);
    if (typeof ids === 'string') return [];
    const p = new SqlParams();
    const forward = query.direction === 'forward';
    const where = [`group_id = ${p.bigint(ids.groupId)}`, `stream_id = ${p.bigint(ids.streamId)}`];
    if (query.startTime !== undefined) where.push(`timestamp >= ${p.bigint(query.startTime)}`);
    if (query.endTime !== undefined) where.push(`timestamp < ${p.bigint(query.endTime)}`);
    if (query.from !== undefined) where.push(beyondCursor(p, query.from, forward));
    const direction = forward ? 'ASC' : 'DESC';
    const order = `timestamp ${direction}, seq ${direction}`;
    const columns = await db.columns(
      `WITH page AS (${eventPage(where, order, p.bigint(query.limit))})
       SELECT ${numbersAsDouble('page')}, message FROM page ORDER BY ${order}`,
      p,
    );
    return storedEvents(columns, () => stream.logStreamName);
  });
}

export async function scanEvents(ctx: StoreContext, scope: Scope, logGroupName: string, query: ScanEventsQuery): Promise<StoredLogEvent[]> {
  const events: StoredLogEvent[] = [];
  await scanEventBatches(ctx, { scope, logGroupName }, query, (batch) => {
    events.push(...batch);
    return true;
  });
  return events;
}

/**
 * One query for the whole scan, its rows converted chunk by chunk as the visitor takes them, so a caller that stops
 * early pays only for what it read (DuckDB still orders up to `limit` candidates first).
 * A JSON condition is first read `direct`; when that statement fails on a message DuckDB cannot parse, the scan runs
 * again `validated`, and the group is remembered so its later scans skip the failing attempt. The ORDER BY means
 * the failure comes before any row reaches the visitor.
 */
export function scanEventBatches(ctx: StoreContext, group: GroupName, query: ScanEventsQuery, visit: ScanBatchVisitor): Promise<void> {
  return ctx.reads.use(async (db) => {
    const groupId = await lookupGroup(ctx, db, group.scope, group.logGroupName, false);
    if (groupId === undefined) return;
    if (query.streamNames !== undefined && query.streamNames.length === 0) return;
    let delivered = false;
    const scan = (reading: JsonReading): Promise<void> => {
      const p = new SqlParams();
      const sql = scanSql(p, groupId, query, reading);
      // A scan reads the whole group past its cursor: on both cores, as Insights queries do.
      return ctx.queryWindow.around(() => db.stream(sql, p, (columns) => {
        const names = columns[4] ?? [];
        const batch = storedEvents(columns, (row) => String(names[row]));
        delivered = true;
        return batch.length === 0 || visit(batch);
      }));
    };
    if (query.json === undefined || ctx.malformedJson.has(groupId)) return scan('validated');
    try {
      await scan('direct');
    } catch (error) {
      if (delivered || !isJsonParseFailure(error)) throw error;
      ctx.malformedJson.add(groupId);
      await scan('validated');
    }
  });
}

/**
 * DuckDB's JSON functions fail with "Malformed JSON at byte ..." (or another message naming JSON); any other
 * failure, out of memory for one, is not the message's fault and must not be retried as if it were.
 */
function isJsonParseFailure(error: unknown): boolean {
  return error instanceof DuckDbStorageError && /\bJSON\b/.test(error.message);
}

function scanSql(p: SqlParams, groupId: number, query: ScanEventsQuery, reading: JsonReading): string {
  const group = p.bigint(groupId);
  const where = [`group_id = ${group}`];
  const streamWhere: string[] = [];
  if (query.streamNames !== undefined) streamWhere.push(`list_contains(${p.textList(query.streamNames)}, name)`);
  if (query.streamPrefix !== undefined) streamWhere.push(`starts_with(name, ${p.text(query.streamPrefix)})`);
  if (streamWhere.length > 0) {
    where.push(`stream_id IN (SELECT stream_id FROM log_streams WHERE group_id = ${group} AND ${streamWhere.join(' AND ')})`);
  }
  if (query.startTime !== undefined) where.push(`timestamp >= ${p.bigint(query.startTime)}`);
  if (query.endTime !== undefined) where.push(`timestamp <= ${p.bigint(query.endTime)}`);
  if (query.from !== undefined) where.push(beyondCursor(p, query.from, !query.descending));
  if (query.prefilter !== undefined) where.push(...prefilterSql(p, query.prefilter));
  // After the substring tests, which are cheaper and often selective, so fewer messages are parsed as JSON.
  if (query.json !== undefined) where.push(jsonConditionSql(p, query.json, reading));
  const direction = query.descending ? 'DESC' : 'ASC';
  const order = `timestamp ${direction}, seq ${direction}`;
  // Names are joined after the LIMIT, so the scans touch the event tables alone.
  return `WITH page AS (${eventPage(where, order, p.bigint(query.limit))})
     SELECT ${numbersAsDouble('page')}, page.message, s.name
     FROM page JOIN log_streams s ON s.stream_id = page.stream_id ORDER BY ${order}`;
}

/**
 * The first `limit` events in `order` that meet every condition: each table's page first (so each prunes its row
 * groups and reads a top-N's messages for its rows only), then the page of the two.
 */
function eventPage(where: readonly string[], order: string, limit: string): string {
  const perTable = overEventTables((table) => `SELECT stream_id, timestamp, ingestion_time, seq, message FROM ${table}
    WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${limit}`);
  return `SELECT * FROM (${perTable}) ORDER BY ${order} LIMIT ${limit}`;
}

/**
 * Strictly after (or before) a (timestamp, seq) position. The plain timestamp bound comes first so DuckDB can
 * prune row groups with it; the OR only breaks ties.
 */
function beyondCursor(p: SqlParams, from: EventCursor, ascending: boolean): string {
  const time = p.bigint(from.timestamp);
  const seq = p.bigint(from.seq);
  return ascending
    ? `timestamp >= ${time} AND (timestamp > ${time} OR seq > ${seq})`
    : `timestamp <= ${time} AND (timestamp < ${time} OR seq < ${seq})`;
}

/**
 * CNF of literal substrings. `contains` is a plain case-sensitive substring test, so LIKE's % _ \ never need
 * escaping; an empty clause can never hold.
 */
function prefilterSql(p: SqlParams, prefilter: SubstringPrefilter): string[] {
  return prefilter.allOf.map((clause) =>
    clause.length === 0 ? 'false' : `(${clause.map((substring) => `contains(message, ${p.text(substring)})`).join(' OR ')})`,
  );
}

/**
 * The three BIGINT columns read as DOUBLE: exact for milliseconds and seq numbers (below 2^53), and arriving as
 * plain numbers instead of a BigInt each, which a page of 10,000 events paid for in garbage collection.
 */
function numbersAsDouble(table: string): string {
  return ['timestamp', 'ingestion_time', 'seq'].map((column) => `CAST(${table}.${column} AS DOUBLE) AS ${column}`).join(', ');
}

/** Columns in the order timestamp, ingestion_time, seq (numbers), message (VARCHAR). */
function storedEvents(columns: readonly unknown[][], streamName: (row: number) => string): StoredLogEvent[] {
  const [timestamps = [], ingestionTimes = [], seqs = [], messages = []] = columns;
  return timestamps.map((timestamp, row) => ({
    logStreamName: streamName(row),
    timestamp: Number(timestamp),
    ingestionTime: Number(ingestionTimes[row]),
    message: String(messages[row]),
    seq: Number(seqs[row]),
  }));
}
