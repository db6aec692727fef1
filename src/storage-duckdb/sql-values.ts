import { BIGINT, BOOLEAN, INTEGER, LIST, VARCHAR, listValue, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';

/**
 * Collects bound parameters while a statement is written: each method records a value with an explicit DuckDB type
 * and returns its placeholder. Types are explicit because inference would bind a JS bigint as HUGEINT and a float
 * as DOUBLE, which defeats zone-map pruning on BIGINT columns. No user value ever reaches the SQL text.
 */
export class SqlParams {
  readonly values: DuckDBValue[] = [];
  readonly types: DuckDBType[] = [];

  private add(value: DuckDBValue, type: DuckDBType): string {
    this.values.push(value);
    this.types.push(type);
    return `$${this.values.length}`;
  }

  /** A whole number stored as BIGINT (timestamps, ids, counts). */
  bigint(value: number): string {
    return this.add(value, BIGINT);
  }

  int(value: number): string {
    return this.add(value, INTEGER);
  }

  text(value: string): string {
    return this.add(value, VARCHAR);
  }

  bool(value: boolean): string {
    return this.add(value, BOOLEAN);
  }

  optionalText(value: string | undefined | null): string {
    return this.add(value ?? null, VARCHAR);
  }

  optionalInt(value: number | undefined | null): string {
    return this.add(value ?? null, INTEGER);
  }

  textList(values: readonly string[]): string {
    return this.add(listValue([...values]), LIST(VARCHAR));
  }
}

/** A row read back with `getRowObjectsJS`: BIGINT arrives as bigint, INTEGER as number. */
export type SqlRow = Record<string, unknown>;

export function num(row: SqlRow, column: string): number {
  const value = row[column];
  if (typeof value === 'bigint' || typeof value === 'number') return Number(value);
  throw new TypeError(`column ${column} is not a number`);
}

export function optionalNum(row: SqlRow, column: string): number | undefined {
  const value = row[column];
  return value === null || value === undefined ? undefined : num(row, column);
}

export function str(row: SqlRow, column: string): string {
  const value = row[column];
  if (typeof value === 'string') return value;
  throw new TypeError(`column ${column} is not a string`);
}

export function optionalStr(row: SqlRow, column: string): string | undefined {
  const value = row[column];
  return value === null || value === undefined ? undefined : str(row, column);
}

export function bool(row: SqlRow, column: string): boolean {
  const value = row[column];
  if (typeof value === 'boolean') return value;
  throw new TypeError(`column ${column} is not a boolean`);
}
