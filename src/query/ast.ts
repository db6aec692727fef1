/**
 * The Logs Insights query language as an immutable AST. Every node carries its source span (0-based UTF-16 offsets,
 * end exclusive), so analysis errors point at text and un-aliased result columns are named by the text the user wrote
 * (AWS names a column `count(*)` or `bin(5m)` exactly as typed). Nodes are tagged unions dispatched exhaustively.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type PeriodUnit = 'ms' | 's' | 'm' | 'h' | 'd' | 'w' | 'mo' | 'q' | 'y';

export type BinaryOperator =
  | 'or'
  | 'and'
  | '='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '^';

export type Expr =
  /** A field: a system field (`@timestamp`), a discovered one (`input.inputTokenCount`), or an alias. */
  | { readonly kind: 'field'; readonly name: string; readonly span: Span }
  | { readonly kind: 'string'; readonly value: string; readonly span: Span }
  | { readonly kind: 'number'; readonly value: number; readonly span: Span }
  | { readonly kind: 'regex'; readonly pattern: string; readonly caseInsensitive: boolean; readonly span: Span }
  /** A time period such as `5m`, as `bin()`, `datefloor()` and `diff` take it. */
  | { readonly kind: 'period'; readonly amount: number; readonly unit: PeriodUnit; readonly span: Span }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly span: Span }
  | { readonly kind: 'null'; readonly span: Span }
  /** The `*` of `count(*)`. */
  | { readonly kind: 'star'; readonly span: Span }
  | { readonly kind: 'list'; readonly items: readonly Expr[]; readonly span: Span }
  | { readonly kind: 'unary'; readonly op: 'not' | '-'; readonly operand: Expr; readonly span: Span }
  | { readonly kind: 'binary'; readonly op: BinaryOperator; readonly left: Expr; readonly right: Expr; readonly span: Span }
  /** `a like "x"`, `a like /x/`, `a =~ /x/`, `a not like ...`. */
  | { readonly kind: 'like'; readonly subject: Expr; readonly pattern: Expr; readonly negated: boolean; readonly operator: 'like' | '=~'; readonly span: Span }
  | { readonly kind: 'in'; readonly subject: Expr; readonly list: Expr; readonly negated: boolean; readonly span: Span }
  /** Function names keep the case the user wrote; analysis matches them case-insensitively. */
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[]; readonly span: Span }
  /** `list[0]` or `map["key"]` on a jsonParse result. */
  | { readonly kind: 'index'; readonly target: Expr; readonly index: Expr; readonly span: Span };

/** `expr` or `expr as alias`; `text` is the expression as written, the column name when there is no alias. */
export interface Projection {
  readonly expr: Expr;
  readonly alias?: string;
  readonly text: string;
  readonly span: Span;
}

export interface SortKey {
  readonly expr: Expr;
  readonly direction: 'asc' | 'desc';
  /** Whether the user wrote the direction (printing keeps the query as written). */
  readonly explicit: boolean;
}

export type ParsePattern =
  /** `"[*] * The error was: *"`: each `*` captures into the next `as` name. */
  | { readonly kind: 'glob'; readonly text: string; readonly fields: readonly string[] }
  /**
   * `/(?<level>\S+) (?<msg>.*)/`: named groups become fields; with `as a, b` (`aliased`) the names are given to the
   * capture groups in order instead. `multi` makes one row per match (CWL_QuerySyntax-Parse, multi-match mode).
   */
  | {
      readonly kind: 'regex';
      readonly pattern: string;
      readonly caseInsensitive: boolean;
      readonly fields: readonly string[];
      readonly aliased: boolean;
      readonly multi: boolean;
    }
  /** `logfmt as lf`: the line's `key=value` pairs as one map, read as `lf.key`. */
  | { readonly kind: 'logfmt'; readonly alias: string }
  /** `csv as a, b, c`: the comma-separated values, one per name in order. */
  | { readonly kind: 'csv'; readonly fields: readonly string[] };

export type DiffWindow = 'previousPeriod' | 'previousDay' | 'previousWeek' | 'previousMonth';

/** `logcompare timeshift 7d`: how far back the baseline range is. */
export interface TimeShift {
  readonly amount: number;
  readonly unit: PeriodUnit;
}

export interface SourceSelection {
  readonly namePrefixes: readonly string[];
  readonly classes: readonly string[];
  readonly accountIdentifiers: readonly string[];
}

export type Command =
  | { readonly kind: 'fields'; readonly items: readonly Projection[]; readonly span: Span }
  | { readonly kind: 'display'; readonly items: readonly Projection[]; readonly span: Span }
  | { readonly kind: 'filter'; readonly condition: Expr; readonly span: Span }
  | { readonly kind: 'stats'; readonly aggregations: readonly Projection[]; readonly groupBy: readonly Projection[]; readonly span: Span }
  | { readonly kind: 'sort'; readonly keys: readonly SortKey[]; readonly span: Span }
  | { readonly kind: 'limit'; readonly count: number; readonly span: Span }
  | { readonly kind: 'parse'; readonly source: Expr; readonly pattern: ParsePattern; readonly span: Span }
  | { readonly kind: 'dedup'; readonly fields: readonly Expr[]; readonly span: Span }
  | { readonly kind: 'pattern'; readonly source: Expr; readonly span: Span }
  | { readonly kind: 'diff'; readonly window: DiffWindow; readonly explicit: boolean; readonly span: Span }
  | { readonly kind: 'unmask'; readonly source: Expr; readonly span: Span }
  | { readonly kind: 'filterIndex'; readonly condition: Expr; readonly span: Span }
  /** `unnest field into name`: one row per item of a list (any other value is a list of one). */
  | { readonly kind: 'unnest'; readonly source: Expr; readonly into: string; readonly span: Span }
  /**
   * `addtotals [fieldname=Name] [row=bool] [col=bool] [f1, f2]`: a row-total column (`fieldName`, default `Total`)
   * and with `col` a summary row of column totals; `fields` empty means every numeric field.
   */
  | { readonly kind: 'addtotals'; readonly fieldName: string; readonly row: boolean; readonly col: boolean; readonly fields: readonly Expr[]; readonly span: Span }
  | { readonly kind: 'logcompare'; readonly shift: TimeShift; readonly span: Span };

export interface Query {
  /** `SOURCE logGroups(...)` when the query starts with one (CLI/API only). */
  readonly source?: SourceSelection;
  readonly commands: readonly Command[];
}
