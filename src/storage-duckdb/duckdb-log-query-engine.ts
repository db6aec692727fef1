import { BIGINT, BOOLEAN, DOUBLE, VARCHAR, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { compileToSql, duckDbDialect, scanRanges, type Bind, type IndexedColumns, type SourceShape, type SqlStatement } from '../query/index.js';
import type { LogQueryEngine, LogQueryRequest, LogQueryResult, PointedLogRecord, Scope } from '../storage/index.js';
import { overEventTables, PLAIN_EVENTS, RECORD_EVENTS, RECORD_FIELD_COLUMNS, SHARED_EVENT_COLUMNS } from './event-tables.js';
import { INDEXED_FIELDS } from './indexed-fields.js';
import { lookupGroup } from './lookups.js';
import type { SqlRunner } from './sql-runner.js';
import { SqlParams, num, str } from './sql-values.js';
import type { StoreContext } from './store-context.js';

/**
 * Logs Insights over DuckDB: the query module compiles the plan to SQL over an events relation this adapter writes
 * (the chosen groups, the time range, each group's retention floor), and DuckDB runs filters, stats and sorts.
 * `@ptr` is `<groupId>-<streamId>-<seq>` in hex: opaque to clients, checked against the caller's scope on use.
 * Invocation-record fields extracted at ingest (indexed-fields.ts) reach the SQL writer as IndexedColumns; when every
 * event in range has them, the writer reads only the columns for those fields.
 */
export class DuckDbLogQueryEngine implements LogQueryEngine {
  constructor(private readonly ctx: StoreContext) {}

  run(scope: Scope, request: LogQueryRequest): Promise<LogQueryResult> {
    return this.ctx.reads.use((db) => this.ctx.queryWindow.around(() => this.runOn(db, scope, request)));
  }

  private async runOn(db: SqlRunner, scope: Scope, request: LogQueryRequest): Promise<LogQueryResult> {
    const timeRange = { start: request.startTime, end: request.endTime };
    // A diff also reads the range it compares with (scanRanges); each group from its retention floor on.
    const ranges = scanRanges(request.plan, timeRange);
    const groups: Slice[] = [];
    let groupCount = 0;
    for (const group of request.groups) {
      const id = await lookupGroup(this.ctx, db, scope, group.logGroupName, false);
      if (id === undefined) continue;
      groupCount += 1;
      for (const range of ranges) groups.push({ id, notBefore: Math.max(range.start, group.notBefore ?? range.start), endTime: range.end });
    }
    const source = (bind: Bind, shape: SourceShape): string => eventsRelation(bind, groups, shape);
    const scanned = await scannedStatistics(db, groups);
    const indexed = { ...INDEXED, complete: scanned.unindexed === 0 };
    const compiled = compileToSql({ plan: request.plan, source, indexed, timeRange }, duckDbDialect);
    const columns = await db.columns(compiled.sql, toParams(compiled));
    // Without a filter or dedup before the first stats or limit, every scanned record matched: no second pass.
    const width = compiled.columns.length;
    const rowCount = columns[0]?.length ?? 0;
    const alongside = compiled.matchedColumn === undefined || rowCount === 0 ? undefined : columns[width + (compiled.pointerColumn === undefined ? 0 : 1)]?.[0];
    const matched = compiled.everyRecordMatches
      ? scanned.records
      : alongside !== undefined && alongside !== null ? Number(alongside) : await matchedRecords(db, compiled.matched);
    const rows = Array.from({ length: rowCount }, (_, row) =>
      Array.from({ length: width }, (_, column) => plainValue(columns[column]?.[row])),
    );
    const pointerValues = compiled.pointerColumn === undefined ? undefined : (columns[width] ?? []).map((value) => (value === null || value === undefined ? undefined : String(value)));
    return {
      columns: compiled.columns.map((column) => ({ name: column.name, type: column.type })),
      rows,
      ...(pointerValues === undefined ? {} : { pointers: pointerValues }),
      statistics: { recordsMatched: matched, recordsScanned: scanned.records, bytesScanned: scanned.bytes, logGroupsScanned: groupCount },
    };
  }

  record(scope: Scope, pointer: string): Promise<PointedLogRecord | undefined> {
    const parts = /^([0-9a-f]+)-([0-9a-f]+)-([0-9a-f]+)$/.exec(pointer);
    if (parts === null) return Promise.resolve(undefined);
    const [groupId, streamId, seq] = parts.slice(1).map((hex) => Number.parseInt(hex, 16)) as [number, number, number];
    return this.ctx.reads.use(async (db) => {
      const p = new SqlParams();
      const rows = await db.rows(
        `SELECT g.name AS group_name, s.name AS stream_name, e.timestamp, e.ingestion_time, e.message
         FROM (${overEventTables((table) => `SELECT group_id, stream_id, seq, timestamp, ingestion_time, message FROM ${table}`)}) e JOIN log_streams s ON s.stream_id = e.stream_id JOIN log_groups g ON g.group_id = e.group_id
         WHERE e.group_id = ${p.bigint(groupId)} AND e.stream_id = ${p.bigint(streamId)} AND e.seq = ${p.bigint(seq)}
           AND g.account_id = ${p.text(scope.accountId)} AND g.region = ${p.text(scope.region)}`,
        p,
      );
      const row = rows[0];
      if (row === undefined) return undefined;
      return {
        logGroupName: str(row, 'group_name'),
        logStreamName: str(row, 'stream_name'),
        timestamp: num(row, 'timestamp'),
        ingestionTime: num(row, 'ingestion_time'),
        message: str(row, 'message'),
      };
    });
  }
}

/** The invocation-record fields extracted at ingest, as the events relation names them. */
const INDEXED_FLAG = '#fields_indexed';
const INDEXED: Omit<IndexedColumns, 'complete'> = { flag: INDEXED_FLAG, fields: new Map(INDEXED_FIELDS.map((f) => [f.path, `#${f.column}`])) };
const INDEXED_NULLS = [`NULL::BOOLEAN AS "${INDEXED_FLAG}"`, ...INDEXED_FIELDS.map((f) => `NULL::VARCHAR AS "#${f.column}"`)].join(', ');
/** An event table's columns with the indexed fields: a record's own, NULLs for a plain event (read through JSON). */
function tableSelect(table: string): string {
  const records = table === RECORD_EVENTS;
  return [
    ...SHARED_EVENT_COLUMNS.map((c) => `e.${c}`),
    `${records} AS "${INDEXED_FLAG}"`,
    ...RECORD_FIELD_COLUMNS.map((c) => (records ? `e.${c}` : 'NULL::VARCHAR') + ` AS "#${c}"`),
  ].join(', ');
}
const INDEXED_SELECT = [`e."${INDEXED_FLAG}"`, ...RECORD_FIELD_COLUMNS.map((c) => `e."#${c}"`)].join(', ');

/** Events of one group between two times (both inclusive). */
interface Slice {
  readonly id: number;
  readonly notBefore: number;
  readonly endTime: number;
}

/** The events the query may see, with the column names of the SQL writer's contract (BASE_COLUMNS) and the indexed fields. */
function eventsRelation(bind: Bind, groups: readonly Slice[], { first, uses }: SourceShape): string {
  if (groups.length === 0) return `SELECT NULL::BIGINT AS "@timestamp", NULL::BIGINT AS "@ingestionTime", NULL::VARCHAR AS "@message",
    NULL::VARCHAR AS "@logStream", NULL::VARCHAR AS "@log", NULL::VARCHAR AS "@ptr", NULL::BIGINT AS "@seq", ${INDEXED_NULLS} WHERE false`;
  const ranges = groups
    .map((g) => `(e.group_id = ${bind({ value: g.id, type: 'bigint' })} AND e.timestamp >= ${bind({ value: g.notBefore, type: 'bigint' })} AND e.timestamp <= ${bind({ value: g.endTime, type: 'bigint' })})`)
    .join(' OR ');
  // Only the first events can reach the result: take them from each table alone (a top-N DuckDB runs on the
  // timestamp column, reading the other columns of those rows only), then join the names onto them.
  const order = first === undefined ? '' : `ORDER BY e.timestamp ${first.direction === 'asc' ? 'ASC' : 'DESC'}, e.seq DESC LIMIT ${bind({ value: first.count, type: 'bigint' })}`;
  const events = `(${overEventTables((table) => `SELECT ${tableSelect(table)} FROM ${table} e WHERE (${ranges}) ${order}`)}) e`;
  // The names come from joins; a query that never reads them does without (every event has its stream and group).
  const names = uses.has('@logStream') || uses.has('@log')
    ? { select: `s.name AS "@logStream", g.account_id || ':' || g.name AS "@log"`, joins: 'JOIN log_streams s ON s.stream_id = e.stream_id JOIN log_groups g ON g.group_id = e.group_id' }
    : { select: 'NULL::VARCHAR AS "@logStream", NULL::VARCHAR AS "@log"', joins: '' };
  return `SELECT e.timestamp AS "@timestamp", e.ingestion_time AS "@ingestionTime", e.message AS "@message", ${names.select},
      printf('%x-%x-%x', e.group_id, e.stream_id, e.seq) AS "@ptr", e.seq AS "@seq", ${INDEXED_SELECT}
    FROM ${events} ${names.joins}`;
}

async function matchedRecords(db: SqlRunner, statement: SqlStatement): Promise<number> {
  const rows = await db.rows(statement.sql, toParams(statement));
  return rows[0] === undefined ? 0 : num(rows[0], 'matched');
}

interface ScannedStatistics {
  readonly records: number;
  readonly bytes: number;
  /** Events in range whose invocation-record fields were not extracted at ingest. */
  readonly unindexed: number;
}

/**
 * Records, message bytes and unindexed events in range, straight from the event tables (no joins). Sizes recorded at
 * ingest are summed; only events stored before migration 0005 have their messages measured.
 */
async function scannedStatistics(db: SqlRunner, groups: readonly Slice[]): Promise<ScannedStatistics> {
  if (groups.length === 0) return { records: 0, bytes: 0, unindexed: 0 };
  const range = (p: SqlParams): string =>
    `(${groups.map((g) => `(group_id = ${p.bigint(g.id)} AND timestamp >= ${p.bigint(g.notBefore)} AND timestamp <= ${p.bigint(g.endTime)})`).join(' OR ')})`;
  const p = new SqlParams();
  const where = range(p);
  // Every plain event is unindexed, no record is.
  const rows = await db.rows(
    `SELECT sum(records) AS records, sum(sized) AS sized, sum(bytes) AS bytes, sum(unindexed) AS unindexed FROM (
     ${overEventTables((table) => `SELECT count(*) AS records, count(message_bytes) AS sized, coalesce(sum(message_bytes), 0) AS bytes,
       ${table === PLAIN_EVENTS ? 'count(*)' : '0'} AS unindexed FROM ${table} WHERE ${where}`)})`,
    p,
  );
  const row = rows[0];
  if (row === undefined) return { records: 0, bytes: 0, unindexed: 0 };
  const records = num(row, 'records');
  let bytes = num(row, 'bytes');
  if (num(row, 'sized') < records) {
    const q = new SqlParams();
    // Only log_events holds events from before migration 0005.
    const old = await db.rows(`SELECT coalesce(sum(strlen(message)), 0) AS bytes FROM ${PLAIN_EVENTS} WHERE ${range(q)} AND message_bytes IS NULL`, q);
    bytes += old[0] === undefined ? 0 : num(old[0], 'bytes');
  }
  return { records, bytes, unindexed: num(row, 'unindexed') };
}

const DUCKDB_TYPES: Readonly<Record<string, DuckDBType>> = { text: VARCHAR, double: DOUBLE, bigint: BIGINT, boolean: BOOLEAN };

function toParams(statement: SqlStatement): SqlParams {
  const params = new SqlParams();
  for (const param of statement.params) {
    params.values.push(param.value as DuckDBValue);
    params.types.push(DUCKDB_TYPES[param.type] ?? VARCHAR);
  }
  return params;
}

function plainValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}
