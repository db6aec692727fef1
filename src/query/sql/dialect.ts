import type { PeriodUnit } from '../ast.js';
import type { PathStep } from '../plan.js';

/** A value the statement binds; the adapter turns each into its driver's typed parameter. */
export interface SqlParam {
  readonly value: string | number | boolean;
  readonly type: 'text' | 'double' | 'bigint' | 'boolean';
}

export interface SqlStatement {
  readonly sql: string;
  readonly params: readonly SqlParam[];
}

/** Adds a bound value and returns its placeholder: user values never reach the SQL text. */
export type Bind = (param: SqlParam) => string;

/**
 * What differs between SQL engines, and nothing else (Kysely's small compiler hooks): the shared writer in
 * sql-writer.ts asks these for placeholders, identifiers, casts, JSON, regexes, time buckets and the aggregates whose
 * names differ. Each argument is already-rendered SQL of the type the hook says.
 */
export interface SqlDialect {
  readonly name: string;
  placeholder(index: number, param: SqlParam): string;
  quoteIdentifier(name: string): string;
  /** Text or JSON scalar -> DOUBLE, NULL when it is not a number. */
  tryNumber(sql: string): string;
  /**
   * Text -> a key whose byte order is AWS's natural order for values that are not numbers: each run of digits
   * compares by its length first, then by its digits; everything else by Unicode code point.
   */
  naturalSortKey(sql: string): string;
  /** A DOUBLE as text the way a query shows it (3 not 3.0). */
  numberText(sql: string): string;
  /** `@message` parsed as JSON, NULL for messages that are not JSON objects or arrays. */
  parseJson(textSql: string): string;
  /** A scalar as text (objects and arrays as JSON text) at `path` inside `jsonSql`; NULL when absent or null. */
  jsonValue(jsonSql: string, path: readonly PathStep[], bind: Bind): string;
  contains(textSql: string, searchSql: string): string;
  /** RE2 syntax; case-insensitivity is already folded into the pattern as `(?i)`. */
  regexMatches(textSql: string, patternSql: string): string;
  /** Capture group `group` of the first match of `pattern` in `text`, '' when there is none. */
  regexGroup(text: string, pattern: string, group: number): string;
  /** Capture `group` (1-based) of the first match, NULL when nothing matches. */
  regexExtract(textSql: string, patternSql: string, group: number): string;
  /**
   * A colon-hex IPv6 address as its 32 lower-case hex digits (`::` expanded, each group zero-padded); NULL when the
   * text does not match `validSql`, a bound regex of valid IPv6 text.
   */
  expandIpv6(textSql: string, validSql: string): string;
  /** Every match of the bound regex `patternSql` replaced by the bound text `replacementSql` (no back-references). */
  regexReplaceAll(textSql: string, patternSql: string, replacementSql: string): string;
  /**
   * `text` cut into the consecutive matches of the bound regex `splitSql` (which together cover the text), each
   * piece rewritten by the SQL `rewrite` builds around the piece's name, joined again. With `counted`, `rewrite`
   * also gets the piece's ordinal as text: how many pieces up to and including it satisfy `counted` (for `<Time-1>`).
   */
  mapPieces(textSql: string, splitSql: string, rewrite: (piece: string, ordinal: string) => string, counted?: (piece: string) => string): string;
  power(base: string, exponent: string): string;
  modulo(left: string, right: string): string;
  naturalLog(sql: string): string;
  /** Length in Unicode code points. */
  codePointLength(sql: string): string;
  /** 0-based start, optional length, in code points. */
  substring(sql: string, start: string, length?: string): string;
  trim(side: 'both' | 'left' | 'right', sql: string, characters?: string): string;
  /** Epoch milliseconds rounded down (or up) to whole calendar units (months, quarters, years) in UTC. */
  calendarRound(epochMs: string, unit: Extract<PeriodUnit, 'mo' | 'q' | 'y'>, amount: number, mode: 'floor' | 'ceil'): string;
  percentile(sql: string, fraction: string): string;
  /** The value of `value` on the row with the smallest (`min`) or largest (`max`) `by`. */
  valueAtExtreme(extreme: 'min' | 'max', value: string, by: string): string;
  stddev(sql: string): string;
  countDistinct(sql: string): string;
  /** Capture `group` of every match of the bound regex, in text order, as a list; an empty list when none. */
  regexMatchList(textSql: string, patternSql: string, group: number): string;
  /**
   * The items of a JSON array as a list (scalars as text, objects and arrays as JSON text); any other value is a
   * list of itself, NULL an empty list.
   */
  jsonItems(sql: string): string;
  /**
   * One row of `input` per position of `lists` (lists of one length within a row), each list's item as `name`, and
   * the 1-based position as `ordinal`. With `keepEmpty` a row whose lists are empty or NULL stays, once, with NULL
   * items; without it such a row is dropped.
   */
  explode(input: string, lists: readonly { readonly sql: string; readonly name: string }[], ordinal: string, keepEmpty: boolean): string;
  /**
   * The `key=value` pairs of a logfmt line as JSON object text, NULL when there are none. `pairSql` is a bound regex
   * matching one pair, `splitSql` one splitting a pair into key (group 1) and value (group 2); a value in double
   * quotes loses them and its backslash escapes. A key that repeats keeps its first value.
   */
  logfmtObject(textSql: string, pairSql: string, splitSql: string): string;
  /**
   * Value `index` (1-based) of a CSV line, NULL past the last; `valueSql` is a bound regex whose group 1 is one
   * value with its leading comma dropped. A value in double quotes loses them, and `""` inside it is `"`.
   */
  csvValue(textSql: string, valueSql: string, index: number): string;
  /** Keeps the first row of each partition in `order`: the dialect's QUALIFY or a nested window. */
  firstPerPartition(input: string, partition: readonly string[], order: string, keepWhere: string): string;
}
