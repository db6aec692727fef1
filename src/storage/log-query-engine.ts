import type { LogicalPlan, ValueType } from '../query/index.js';
import type { Scope } from './scope.js';

/**
 * The port that runs Logs Insights plans where the events live. An adapter supplies the events relation (the
 * selected groups and time range, with the system-field columns the SQL writer expects) and renders the plan
 * through its SQL dialect; filters, stats and sorts run in the database, never in JavaScript.
 */
export interface QueriedLogGroup {
  readonly logGroupName: string;
  /** Events before this time are past the group's retention and must not be seen. */
  readonly notBefore?: number;
}

export interface LogQueryRequest {
  readonly groups: readonly QueriedLogGroup[];
  /** Epoch milliseconds, both inclusive (StartQuery's seconds, converted). */
  readonly startTime: number;
  readonly endTime: number;
  readonly plan: LogicalPlan;
}

export interface LogQueryColumn {
  readonly name: string;
  readonly type: ValueType;
}

export interface LogQueryStatistics {
  readonly recordsMatched: number;
  readonly recordsScanned: number;
  readonly bytesScanned: number;
  readonly logGroupsScanned: number;
}

export interface LogQueryResult {
  readonly columns: readonly LogQueryColumn[];
  /** Raw values in column order: numbers, strings, booleans or null (a field the row does not have). */
  readonly rows: readonly (readonly (string | number | boolean | null)[])[];
  /** Each row's `@ptr` when the rows are events; absent after `stats`, undefined on a row that is no event (addtotals' summary). */
  readonly pointers?: readonly (string | undefined)[];
  readonly statistics: LogQueryStatistics;
}

/** One event found again through its `@ptr` (GetLogRecord). */
export interface PointedLogRecord {
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly timestamp: number;
  readonly ingestionTime: number;
  readonly message: string;
}

export interface LogQueryEngine {
  run(scope: Scope, request: LogQueryRequest): Promise<LogQueryResult>;
  /** The event a result row's `@ptr` names, if it still exists and belongs to `scope`. */
  record(scope: Scope, pointer: string): Promise<PointedLogRecord | undefined>;
}
