import { BIGINT, BOOLEAN, DOUBLE, VARCHAR, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { compileToSql, duckDbDialect, type Bind, type SqlStatement } from '../query/index.js';
import type { LogQueryEngine, LogQueryRequest, LogQueryResult, PointedLogRecord, Scope } from '../storage/index.js';
import { lookupGroup } from './lookups.js';
import { QueryMemoryWindow } from './query-memory-window.js';
import type { SqlRunner } from './sql-runner.js';
import { SqlParams, num, str } from './sql-values.js';
import type { StoreContext } from './store-context.js';

/**
 * Logs Insights over DuckDB: the query module compiles the plan to SQL over an events relation this adapter writes
 * (the chosen groups, the time range, each group's retention floor), and DuckDB runs filters, stats and sorts.
 * `@ptr` is `<groupId>-<streamId>-<seq>` in hex: opaque to clients, checked against the caller's scope on use.
 */
export class DuckDbLogQueryEngine implements LogQueryEngine {
  private readonly memory = new QueryMemoryWindow();

  constructor(private readonly ctx: StoreContext) {}

  run(scope: Scope, request: LogQueryRequest): Promise<LogQueryResult> {
    return this.ctx.reads.use((db) => this.memory.around(db, () => this.runOn(db, scope, request)));
  }

  private async runOn(db: SqlRunner, scope: Scope, request: LogQueryRequest): Promise<LogQueryResult> {
    const groups: { id: number; notBefore: number }[] = [];
    for (const group of request.groups) {
      const id = await lookupGroup(this.ctx, db, scope, group.logGroupName, false);
      if (id !== undefined) groups.push({ id, notBefore: Math.max(request.startTime, group.notBefore ?? request.startTime) });
    }
    const source = (bind: Bind): string => eventsRelation(bind, groups, request.endTime);
    const compiled = compileToSql({ plan: request.plan, source }, duckDbDialect);
    const columns = await db.columns(compiled.sql, toParams(compiled));
    const scanned = await scannedStatistics(db, groups, request.endTime);
    // Without a filter or dedup before the first stats or limit, every scanned record matched: no second pass.
    const matched = compiled.everyRecordMatches ? scanned.records : await matchedRecords(db, compiled.matched);
    const width = compiled.columns.length;
    const rowCount = columns[0]?.length ?? 0;
    const rows = Array.from({ length: rowCount }, (_, row) =>
      Array.from({ length: width }, (_, column) => plainValue(columns[column]?.[row])),
    );
    const pointerValues = compiled.pointerColumn === undefined ? undefined : (columns[width] ?? []).map((value) => String(value));
    return {
      columns: compiled.columns.map((column) => ({ name: column.name, type: column.type })),
      rows,
      ...(pointerValues === undefined ? {} : { pointers: pointerValues }),
      statistics: { recordsMatched: matched, recordsScanned: scanned.records, bytesScanned: scanned.bytes, logGroupsScanned: groups.length },
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
         FROM log_events e JOIN log_streams s ON s.stream_id = e.stream_id JOIN log_groups g ON g.group_id = e.group_id
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

/** The events the query may see, with the column names of the SQL writer's contract (BASE_COLUMNS). */
function eventsRelation(bind: Bind, groups: readonly { id: number; notBefore: number }[], endTime: number): string {
  if (groups.length === 0) return `SELECT NULL::BIGINT AS "@timestamp", NULL::BIGINT AS "@ingestionTime", NULL::VARCHAR AS "@message",
    NULL::VARCHAR AS "@logStream", NULL::VARCHAR AS "@log", NULL::VARCHAR AS "@ptr", NULL::BIGINT AS "@seq" WHERE false`;
  const ranges = groups
    .map((g) => `(e.group_id = ${bind({ value: g.id, type: 'bigint' })} AND e.timestamp >= ${bind({ value: g.notBefore, type: 'bigint' })})`)
    .join(' OR ');
  return `SELECT e.timestamp AS "@timestamp", e.ingestion_time AS "@ingestionTime", e.message AS "@message",
      s.name AS "@logStream", g.account_id || ':' || g.name AS "@log",
      printf('%x-%x-%x', e.group_id, e.stream_id, e.seq) AS "@ptr", e.seq AS "@seq"
    FROM log_events e JOIN log_streams s ON s.stream_id = e.stream_id JOIN log_groups g ON g.group_id = e.group_id
    WHERE (${ranges}) AND e.timestamp <= ${bind({ value: endTime, type: 'bigint' })}`;
}

async function matchedRecords(db: SqlRunner, statement: SqlStatement): Promise<number> {
  const rows = await db.rows(statement.sql, toParams(statement));
  return rows[0] === undefined ? 0 : num(rows[0], 'matched');
}

/** Records and message bytes in range, straight from log_events: the joins the events relation needs are not. */
async function scannedStatistics(db: SqlRunner, groups: readonly { id: number; notBefore: number }[], endTime: number): Promise<{ records: number; bytes: number }> {
  if (groups.length === 0) return { records: 0, bytes: 0 };
  const p = new SqlParams();
  const ranges = groups.map((g) => `(group_id = ${p.bigint(g.id)} AND timestamp >= ${p.bigint(g.notBefore)})`).join(' OR ');
  const rows = await db.rows(
    `SELECT count(*) AS records, coalesce(sum(strlen(message)), 0) AS bytes FROM log_events WHERE (${ranges}) AND timestamp <= ${p.bigint(endTime)}`,
    p,
  );
  const row = rows[0];
  return row === undefined ? { records: 0, bytes: 0 } : { records: num(row, 'records'), bytes: num(row, 'bytes') };
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
