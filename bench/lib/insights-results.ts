import type { DuckDBConnection } from '@duckdb/node-api';
import { callLogs, type Endpoint } from './signed-client.js';

/**
 * Running one Insights query on each side and comparing what came back. Rows are lists of `[field, value]` in
 * column order, fields with no value left out (as GetQueryResults does), `@ptr` dropped (DuckDB has no pointers).
 */
export type ResultRow = readonly (readonly [string, string])[];

export interface QueryRows {
  readonly rows: readonly ResultRow[];
  /** GetQueryResults calls it took (1 for DuckDB). */
  readonly polls: number;
}

interface GetQueryResultsOutput {
  readonly status?: string;
  readonly results?: readonly (readonly { readonly field?: string; readonly value?: string }[])[];
}

export interface ServerQuery {
  readonly endpoint: Endpoint;
  readonly logGroupName: string;
  /** Epoch seconds, inclusive. */
  readonly startTime: number;
  readonly endTime: number;
  readonly queryString: string;
  readonly pollMs: number;
}

/** StartQuery, then GetQueryResults every `pollMs` until the query is no longer Scheduled or Running. */
export async function serverRows(query: ServerQuery): Promise<QueryRows> {
  const { queryId } = await callLogs<{ queryId: string }>(query.endpoint, 'StartQuery', {
    logGroupName: query.logGroupName,
    startTime: query.startTime,
    endTime: query.endTime,
    queryString: query.queryString,
  });
  for (let polls = 1; ; polls++) {
    const output = await callLogs<GetQueryResultsOutput>(query.endpoint, 'GetQueryResults', { queryId });
    if (output.status === 'Complete') {
      const rows = (output.results ?? []).map((row) =>
        row.filter((cell) => cell.field !== '@ptr').map((cell): [string, string] => [cell.field ?? '', cell.value ?? '']),
      );
      return { rows, polls };
    }
    if (output.status !== 'Running' && output.status !== 'Scheduled') throw new Error(`query ended ${output.status ?? '?'}: ${query.queryString}`);
    await new Promise((done) => setTimeout(done, query.pollMs));
  }
}

export async function duckdbRows(connection: DuckDBConnection, sql: string): Promise<QueryRows> {
  const reader = await connection.runAndReadAll(sql);
  const names = reader.columnNames();
  const rows = reader.getRows().map((values) => {
    const row: [string, string][] = [];
    values.forEach((value, column) => {
      const shown = showValue(value);
      if (shown !== undefined) row.push([names[column] ?? '', shown]);
    });
    return row;
  });
  return { rows, polls: 1 };
}

/** A DuckDB value as GetQueryResults shows one: whole numbers without a fraction, other numbers as JavaScript prints them. */
function showValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  return String(value);
}

/** Undefined when both sides returned the same rows, else what differs first. Numbers may differ in the 12th digit (summation order). */
export function compareRows(ours: readonly ResultRow[], theirs: readonly ResultRow[], ordered: boolean): string | undefined {
  if (ours.length !== theirs.length) return `${ours.length} rows vs ${theirs.length}`;
  const key = (row: ResultRow): string => JSON.stringify(row.map(([field, value]) => [field, roughly(value)]));
  const a = ours.map(key);
  const b = theirs.map(key);
  if (!ordered) {
    a.sort();
    b.sort();
  }
  const at = a.findIndex((row, index) => row !== b[index]);
  return at === -1 ? undefined : `row ${at}: server ${a[at] ?? ''} vs DuckDB ${b[at] ?? ''}`;
}

function roughly(value: string): string {
  const number = Number(value);
  return value.trim() !== '' && Number.isFinite(number) && !Number.isInteger(number) ? number.toPrecision(12) : value;
}
