import type { DiffWindow, PeriodUnit, TimeShift } from './ast.js';

/**
 * The logical plan of a query: a pipeline of relational stages over the events of the selected log groups and time
 * range, then a final projection, order and limit. Every field reference is resolved here (a system field, a column
 * an earlier stage made, or a JSON path into the event), and every expression carries its value type, so a SQL
 * dialect only renders; it never decides meaning.
 */
export type ValueType = 'number' | 'string' | 'timestamp' | 'boolean' | 'json' | 'dynamic';

/** The system fields every event has; adapters name their base relation's columns exactly so. */
export const SYSTEM_FIELDS = ['@timestamp', '@message', '@logStream', '@log', '@ingestionTime', '@ptr'] as const;
export type SystemField = (typeof SYSTEM_FIELDS)[number];

/** A column of the base relation holding `@message` parsed as JSON (null for events that are not JSON). */
export const MESSAGE_JSON_COLUMN = '@message.json';

export type PathStep = { readonly key: string } | { readonly index: number };

export type PlanExpr =
  | { readonly kind: 'column'; readonly name: string; readonly type: ValueType }
  /** A value inside a JSON column: scalars arrive as text (`dynamic`), objects and arrays as JSON text. */
  | { readonly kind: 'json-path'; readonly source: PlanExpr; readonly path: readonly PathStep[]; readonly type: 'dynamic' }
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null; readonly type: ValueType }
  | { readonly kind: 'regex'; readonly pattern: string; readonly caseInsensitive: boolean }
  | { readonly kind: 'period'; readonly amount: number; readonly unit: PeriodUnit }
  | { readonly kind: 'not'; readonly operand: PlanExpr; readonly type: 'boolean' }
  | { readonly kind: 'negate'; readonly operand: PlanExpr; readonly type: 'number' }
  | { readonly kind: 'logical'; readonly op: 'and' | 'or'; readonly left: PlanExpr; readonly right: PlanExpr; readonly type: 'boolean' }
  | { readonly kind: 'compare'; readonly op: '=' | '!=' | '<' | '<=' | '>' | '>='; readonly left: PlanExpr; readonly right: PlanExpr; readonly type: 'boolean' }
  | { readonly kind: 'arithmetic'; readonly op: '+' | '-' | '*' | '/' | '%' | '^'; readonly left: PlanExpr; readonly right: PlanExpr; readonly type: 'number' }
  /** `like "text"` is a case-sensitive substring test; `like /re/` and `=~ /re/` a regex search. */
  | { readonly kind: 'contains'; readonly subject: PlanExpr; readonly text: PlanExpr; readonly type: 'boolean' }
  | { readonly kind: 'matches'; readonly subject: PlanExpr; readonly pattern: string; readonly caseInsensitive: boolean; readonly type: 'boolean' }
  | { readonly kind: 'function'; readonly name: string; readonly args: readonly PlanExpr[]; readonly type: ValueType }
  | { readonly kind: 'aggregate'; readonly name: string; readonly args: readonly PlanExpr[]; readonly type: ValueType }
  /** The capture group `group` (1-based) of `pattern` in `source`; null when the pattern does not match. */
  | { readonly kind: 'extract'; readonly source: PlanExpr; readonly pattern: string; readonly group: number; readonly type: 'string' };

export interface NamedExpr {
  readonly name: string;
  readonly expr: PlanExpr;
}

export interface OrderKey {
  readonly expr: PlanExpr;
  readonly direction: 'asc' | 'desc';
}

export type Stage =
  /** New columns computed from the current ones (`fields ... as`, `parse`, `jsonParse`). */
  | { readonly kind: 'extend'; readonly columns: readonly NamedExpr[] }
  | { readonly kind: 'filter'; readonly condition: PlanExpr }
  /** `stats`: the relation becomes one row per group, with the group and aggregate columns only. */
  | { readonly kind: 'aggregate'; readonly groups: readonly NamedExpr[]; readonly aggregates: readonly NamedExpr[] }
  | { readonly kind: 'sort'; readonly keys: readonly OrderKey[] }
  /** Keeps the first row (in the current order) of each distinct key combination; rows with a null key are kept. */
  | { readonly kind: 'dedup'; readonly keys: readonly PlanExpr[]; readonly order: readonly OrderKey[] }
  | { readonly kind: 'limit'; readonly count: number; readonly order: readonly OrderKey[] }
  /**
   * `pattern`: the relation becomes one row per pattern of `source` (pattern-tokens.ts), with PATTERN_COLUMNS; with
   * `comparison` (a `diff` after it) the events of the compared range are read too, and DIFF_COLUMNS are added.
   */
  | { readonly kind: 'pattern'; readonly source: PlanExpr; readonly comparison?: Comparison }
  /** Each row becomes one row per item of a list (ExplodeItems), in the list's order; other columns are copied. */
  | { readonly kind: 'explode'; readonly source: PlanExpr; readonly items: ExplodeItems };

/** The range a pattern comparison reads besides the query's: `diff`'s windows, or `logcompare timeshift 7d`. */
export type Comparison = DiffWindow | TimeShift;

export type ExplodeItems =
  /**
   * `parse ... multi`: one row per match of `pattern` in the source, each named column the capture `group` of that
   * match; a row without any match stays, once, without the columns (as a plain `parse` keeps it).
   */
  | { readonly kind: 'regex-matches'; readonly pattern: string; readonly columns: readonly { readonly name: string; readonly group: number }[] }
  /** `unnest`: one row per item of a JSON list in the source, as column `column`; any other value is one item, absent none. */
  | { readonly kind: 'list-items'; readonly column: string };

/** The columns `pattern` makes, as AWS names them (CWL_QuerySyntax-Pattern). */
export const PATTERN_COLUMNS = [
  { name: '@pattern', type: 'string' },
  { name: '@ratio', type: 'number' },
  { name: '@sampleCount', type: 'number' },
  { name: '@severityLabel', type: 'string' },
] as const satisfies readonly { name: string; type: ValueType }[];

/**
 * The columns `diff` adds to the pattern rows, whose `@sampleCount` and `@ratio` are then the current range's
 * [unconfirmed: AWS's diff page names no output fields; these say what they hold]. `@changeType` is New, Gone,
 * Increased, Decreased or Unchanged.
 */
export const DIFF_COLUMNS = [
  { name: '@previousSampleCount', type: 'number' },
  { name: '@sampleCountChange', type: 'number' },
  { name: '@changeType', type: 'string' },
] as const satisfies readonly { name: string; type: ValueType }[];

export interface OutputColumn {
  /** The column name AWS shows: the alias, the field name, or the expression as written. */
  readonly name: string;
  readonly expr: PlanExpr;
}

export interface LogicalPlan {
  readonly stages: readonly Stage[];
  readonly output: readonly OutputColumn[];
  /** The order of the final rows: the last `sort`, else `@timestamp desc` for events, else the group columns. */
  readonly order: readonly OrderKey[];
  readonly limit: number;
  /** False once a `stats` ran: rows are no longer events, so they carry no `@ptr`. */
  readonly rowsAreEvents: boolean;
  /** How many leading stages run before the first aggregate or limit: their rows are the "records matched". */
  readonly matchStages: number;
  /** `addtotals col=true`: output columns whose totals make a summary row after the last row. */
  readonly columnTotals?: readonly string[];
}
