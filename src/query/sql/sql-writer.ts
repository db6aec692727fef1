import { assertNever } from '../../kernel/index.js';
import type { LogicalPlan, OrderKey, PlanExpr, Stage, ValueType } from '../plan.js';
import { MESSAGE_JSON_COLUMN, SYSTEM_FIELDS } from '../plan.js';
import type { Bind, SqlDialect, SqlParam, SqlStatement } from './dialect.js';
import type { ExprRenderer, Rendered } from './expr-renderer.js';
import { limitBeforeExtend, withFinalLimit } from './limit-before-extend.js';
import { columnsUsed } from './plan-columns.js';
import { countsAlongside, firstEvents, type SourceShape } from './plan-shape.js';
import { escapeRegex } from './regex-scan.js';
import { groupAlwaysConsumes } from './single-pass-captures.js';
import { messagePrefilter, readsMessage, type MessagePrefilter } from './message-prefilter.js';
import { explodeSql } from './explode-sql.js';
import { patternSql } from './pattern-sql.js';
import { renderFunction } from './render-function.js';
import type { TimeRange } from '../diff-window.js';

/**
 * Renders a logical plan as one SQL statement: a chain of CTEs, one per stage, over the events relation the adapter
 * supplies, then the final projection, order and limit. Names the query chose never become SQL identifiers: every
 * column gets a generated one (`c1`, `c2` ...), mapped per stage.
 */

/** Columns the adapter's events relation must have: the system fields plus `@seq`, a write-order tie-breaker. */
export const BASE_COLUMNS = [...SYSTEM_FIELDS, '@seq'] as const;

export type { FirstEvents, SourceShape } from './plan-shape.js';

export interface CompileInput {
  readonly plan: LogicalPlan;
  /** The events relation (selected groups and time range), written with `bind` for its own values. */
  readonly source: (bind: Bind, shape: SourceShape) => string;
  /** JSON fields the adapter's relation already holds in columns of their own (fields extracted at ingest). */
  readonly indexed?: IndexedColumns;
  /** The query's time range; a plan with a `diff` needs it to tell the compared ranges apart (diff-window.ts). */
  readonly timeRange?: TimeRange;
}

/**
 * Columns of the events relation that hold JSON fields of `@message`, extracted when the event was stored: where
 * `flag` is true, column `fields.get(path)` equals the JSON value at that dotted path as jsonValue renders it, so it
 * is read instead of parsing the message. Where `flag` is not true the message is parsed as usual.
 */
export interface IndexedColumns {
  readonly flag: string;
  /** Every event in the relation has its fields extracted: read the columns alone, never the message for them. */
  readonly complete: boolean;
  /** Dotted field path (`input.inputTokenCount`) -> column name in the events relation. */
  readonly fields: ReadonlyMap<string, string>;
}

export interface CompiledColumn {
  readonly name: string;
  readonly type: ValueType;
  readonly sqlName: string;
}

export interface CompiledQuery extends SqlStatement {
  readonly columns: readonly CompiledColumn[];
  /** The result rows carry `@ptr` (the query's rows are still events). */
  readonly pointerColumn?: string;
  /**
   * Every result row also carries the records matched, in this column after the pointer: when the result has a row,
   * `matched` need not run.
   */
  readonly matchedColumn?: string;
  /** Counts the records matched: the rows that leave the filters before any stats or limit. */
  readonly matched: SqlStatement;
  /** No filter or dedup runs before the first stats or limit: every record in range matched, `matched` need not run. */
  readonly everyRecordMatches: boolean;
}

export function compileToSql(input: CompileInput, dialect: SqlDialect): CompiledQuery {
  return new SqlWriter(dialect).compile(input);
}

class SqlWriter implements ExprRenderer {
  private readonly params: SqlParam[] = [];
  private readonly ctes: string[] = [];
  private columns = new Map<string, string>();
  private counter = 0;
  private current = '';
  /** Dotted path -> generated column of an indexed field, and the flag's; cleared when rows stop being events. */
  private indexed = new Map<string, string>();
  private indexedFlag: string | undefined;
  private indexedComplete = false;
  private timeRange: TimeRange | undefined;
  /** The generated name of the stored message column, for prefilters (a query may reuse the name @message). */
  private baseMessage: string | undefined;
  /** A filter so far had a message prefilter, so few rows are likely to pass it. */
  private sawPrefilter = false;
  /** Ordinal columns of explode stages, oldest first: within an event its rows sort by them. */
  private readonly itemOrder: string[] = [];
  readonly bind: Bind;

  constructor(readonly dialect: SqlDialect) {
    this.bind = (param) => {
      this.params.push(param);
      return dialect.placeholder(this.params.length, param);
    };
  }

  compile(input: CompileInput): CompiledQuery {
    const plan = limitBeforeExtend(withFinalLimit(input.plan));
    this.timeRange = input.timeRange;
    const q = (name: string): string => this.dialect.quoteIdentifier(name);
    const base = BASE_COLUMNS.map((name) => {
      const sqlName = this.fresh();
      this.columns.set(name, sqlName);
      return `${q(name)} AS ${q(sqlName)}`;
    });
    if (input.indexed !== undefined) {
      this.indexedFlag = this.fresh();
      this.indexedComplete = input.indexed.complete;
      base.push(`${q(input.indexed.flag)} AS ${q(this.indexedFlag)}`);
      for (const [path, column] of input.indexed.fields) {
        const sqlName = this.fresh();
        this.indexed.set(path, sqlName);
        base.push(`${q(column)} AS ${q(sqlName)}`);
      }
    }
    const jsonName = this.fresh();
    this.columns.set(MESSAGE_JSON_COLUMN, jsonName);
    this.baseMessage = this.columns.get('@message');
    const message = q(this.columns.get('@message') ?? '');
    const first = firstEvents(plan);
    const shape: SourceShape = { ...(first === undefined ? {} : { first }), uses: columnsUsed(plan) };
    const events = `SELECT ${base.join(', ')} FROM (${input.source(this.bind, shape)}) AS events`;
    this.addCte('base', `SELECT *, ${this.dialect.parseJson(message)} AS ${q(jsonName)} FROM (${events}) AS raw`);
    let matchedFrom = '';
    let matchedColumn: string | undefined;
    plan.stages.forEach((stage, index) => {
      if (index === plan.matchStages) {
        matchedFrom = this.current;
        if (this.sawPrefilter && countsAlongside(plan)) {
          // A selective filter before a limit: count its rows in the same pass (a window over the few that pass)
          // instead of running the filter a second time for the statistics.
          matchedColumn = this.fresh();
          this.addCte('counted', `SELECT *, count(*) OVER () AS ${q(matchedColumn)} FROM ${q(this.current)}`);
        }
      }
      this.stage(stage);
    });
    if (matchedFrom === '') matchedFrom = this.current;
    const cteParams = this.params.length;

    const rendered = plan.output.map((column) => ({ name: column.name, ...this.render(column.expr), sqlName: this.fresh() }));
    const columns = rendered.map((column): CompiledColumn => ({ name: column.name, type: column.type, sqlName: column.sqlName }));
    const select = rendered.map((column) => `${column.sql} AS ${q(column.sqlName)}`);
    const pointer = plan.rowsAreEvents ? this.fresh() : undefined;
    if (pointer !== undefined) select.push(`${this.columnSql('@ptr')} AS ${q(pointer)}`);
    if (matchedColumn !== undefined) select.push(q(matchedColumn));
    const order = this.orderBy(plan.order, plan.rowsAreEvents);
    // With a totals row the rows are numbered in their final order, so the union below can keep it.
    const position = plan.columnTotals === undefined ? undefined : this.fresh();
    if (position !== undefined) select.push(`row_number() OVER (${this.orderBy(plan.order, plan.rowsAreEvents).replace(/^ /, '')}) AS ${q(position)}`);
    const body = `SELECT ${select.join(', ')} FROM ${q(this.current)}${order}`;
    const limit = this.bind({ value: plan.limit, type: 'bigint' });
    const selected = `WITH ${this.ctes.join(',\n')}\n${body} LIMIT ${limit}`;
    const sql = position === undefined || plan.columnTotals === undefined ? selected : this.withTotalsRow(selected, { columns, totalled: plan.columnTotals, pointer, position });
    const matchedSql = `WITH ${this.ctes.join(',\n')}\nSELECT count(*) AS matched FROM ${q(matchedFrom)}`;
    const params = [...this.params];
    return {
      sql,
      params,
      columns,
      ...(pointer === undefined ? {} : { pointerColumn: pointer }),
      ...(matchedColumn === undefined ? {} : { matchedColumn }),
      matched: { sql: matchedSql, params: params.slice(0, cteParams) },
      everyRecordMatches: plan.stages.slice(0, plan.matchStages).every((stage) => stage.kind === 'extend' || stage.kind === 'sort'),
    };
  }

  /**
   * `addtotals col=true`: the selected rows, then one row holding each totalled column's sum over them (only the
   * values that are numbers), the other columns and `@ptr` empty. The rows keep their order by their position.
   */
  private withTotalsRow(selected: string, input: { columns: readonly CompiledColumn[]; totalled: readonly string[]; pointer: string | undefined; position: string }): string {
    const q = (name: string): string => this.dialect.quoteIdentifier(name);
    const { columns, totalled, pointer, position } = input;
    const names = [...columns.map((c) => c.sqlName), ...(pointer === undefined ? [] : [pointer])].map(q);
    const totals = columns.map((column) => {
      if (!totalled.includes(column.name)) return `NULL AS ${q(column.sqlName)}`;
      const sum = `sum(${this.toNumber({ sql: q(column.sqlName), type: column.type })})`;
      const typed = column.type === 'number' ? sum : column.type === 'timestamp' || column.type === 'boolean' ? 'NULL' : this.dialect.numberText(sum);
      return `${typed} AS ${q(column.sqlName)}`;
    });
    if (pointer !== undefined) totals.push(`NULL AS ${q(pointer)}`);
    // No rows, no summary row.
    const summary = `SELECT ${totals.join(', ')}, NULL AS ${q(position)} FROM ${q('selected')} HAVING count(*) > 0`;
    return `WITH ${q('selected')} AS (${selected})\nSELECT ${names.join(', ')} FROM (SELECT * FROM ${q('selected')} UNION ALL ${summary}) AS totalled ORDER BY ${q(position)} NULLS LAST`;
  }

  private fresh(): string {
    this.counter += 1;
    return `c${this.counter}`;
  }

  private addCte(name: string, sql: string): void {
    this.current = `${name}${this.ctes.length}`;
    this.ctes.push(`${this.dialect.quoteIdentifier(this.current)} AS (${sql})`);
  }

  private stage(stage: Stage): void {
    const q = (name: string): string => this.dialect.quoteIdentifier(name);
    const from = q(this.current);
    switch (stage.kind) {
      case 'extend': {
        const added = stage.columns.map((column) => ({ ...column, sqlName: this.fresh(), sql: this.render(column.expr).sql }));
        for (const column of added) this.columns.set(column.name, column.sqlName);
        this.addCte('extend', `SELECT *, ${added.map((c) => `${c.sql} AS ${q(c.sqlName)}`).join(', ')} FROM ${from}`);
        return;
      }
      case 'filter': {
        const prefilter = this.messagePrefilterSql(stage.condition);
        const condition = this.asBoolean(stage.condition);
        this.addCte('filter', `SELECT * FROM ${from} WHERE ${prefilter === undefined ? condition : `${prefilter} AND ${condition}`}`);
        return;
      }
      case 'aggregate': {
        const groups = stage.groups.map((g) => ({ name: g.name, sql: this.render(g.expr).sql, sqlName: this.fresh() }));
        const aggregates = stage.aggregates.map((a) => ({ name: a.name, sql: this.render(a.expr).sql, sqlName: this.fresh() }));
        const select = [...groups, ...aggregates].map((c) => `${c.sql} AS ${q(c.sqlName)}`).join(', ');
        const groupBy = groups.length === 0 ? '' : ` GROUP BY ${groups.map((g) => g.sql).join(', ')}`;
        this.addCte('stats', `SELECT ${select} FROM ${from}${groupBy}`);
        this.columns = new Map([...groups, ...aggregates].map((c) => [c.name, c.sqlName]));
        this.indexed.clear();
        return;
      }
      case 'sort':
        // Order is applied where it matters (dedup, limit, the final select); a CTE cannot carry it.
        return;
      case 'dedup': {
        const keys = stage.keys.map((key) => this.render(key).sql);
        const keepNulls = keys.map((key) => `${key} IS NULL`).join(' OR ');
        const order = this.orderBy(stage.order, true).replace(/^ ORDER BY /, '');
        this.addCte('dedup', this.dialect.firstPerPartition(from, keys, order, keepNulls));
        return;
      }
      case 'limit':
        this.addCte('limit', `SELECT * FROM ${from}${this.orderBy(stage.order, true)} LIMIT ${this.bind({ value: stage.count, type: 'bigint' })}`);
        return;
      case 'pattern':
        return this.pattern(stage);
      case 'explode': {
        const made = stage.items.kind === 'list-items' ? [stage.items.column] : stage.items.columns.map((c) => c.name);
        const columns = new Map(made.map((name) => [name, this.fresh()]));
        const ordinal = this.fresh();
        this.addCte('explode', explodeSql(this, stage, { from, names: { columns, ordinal } }));
        for (const [name, sqlName] of columns) this.columns.set(name, sqlName);
        this.itemOrder.push(ordinal);
        return;
      }
      default:
        assertNever(stage);
    }
  }

  /** Events become pattern rows: three CTEs (pattern-sql.ts), then only the pattern columns exist. */
  private pattern(stage: Extract<Stage, { kind: 'pattern' }>): void {
    const q = (name: string): string => this.dialect.quoteIdentifier(name);
    const names = {
      template: this.fresh(), inCurrent: this.fresh(), inPrevious: this.fresh(), pattern: this.fresh(), ratio: this.fresh(),
      sampleCount: this.fresh(), previousCount: this.fresh(), severity: this.fresh(), change: this.fresh(), changeType: this.fresh(),
    };
    const range = this.timeRange;
    const sql = patternSql(this, stage, { from: q(this.current), timestamp: this.columnSql('@timestamp'), names, q, ...(range === undefined ? {} : { range }) });
    this.addCte('templates', sql.templates);
    this.addCte('patterns', sql.groups(this.current));
    this.addCte('labelled', sql.labelled(this.current));
    this.columns = new Map([
      ['@pattern', names.pattern], ['@ratio', names.ratio], ['@sampleCount', names.sampleCount], ['@severityLabel', names.severity],
      ['@previousSampleCount', names.previousCount], ['@sampleCountChange', names.change], ['@changeType', names.changeType],
    ]);
    this.indexed.clear();
  }

  private orderBy(keys: readonly OrderKey[], tieBreakOnWriteOrder: boolean): string {
    // A field's value has no declared type, so it sorts as AWS's sort page says: ascending, every value that is not
    // a number before every number (descending, the reverse); numbers by value (so 100 follows 40); the rest in
    // natural order (see naturalSortKey). Absent values come last either way.
    const parts = keys.flatMap((key) => {
      const direction = `${key.direction === 'asc' ? 'ASC' : 'DESC'} NULLS LAST`;
      const rendered = this.render(key.expr);
      if (rendered.type !== 'dynamic' && rendered.type !== 'string') return [`${rendered.sql} ${direction}`];
      const number = this.dialect.tryNumber(rendered.sql);
      return [
        `CASE WHEN ${rendered.sql} IS NOT NULL THEN ${number} IS NOT NULL END ${direction}`,
        `${number} ${direction}`,
        // Equal numbers (01 and 1) keep their text order, as the page's example lists them.
        `CASE WHEN ${number} IS NULL THEN ${this.dialect.naturalSortKey(rendered.sql)} ELSE ${rendered.sql} END ${direction}`,
      ];
    });
    const seq = this.columns.get('@seq');
    if (tieBreakOnWriteOrder && seq !== undefined) {
      parts.push(`${this.dialect.quoteIdentifier(seq)} DESC`);
      // The rows one event became (parse multi, unnest) keep their list order.
      for (const ordinal of this.itemOrder) parts.push(`${this.dialect.quoteIdentifier(ordinal)} ASC`);
    }
    return parts.length === 0 ? '' : ` ORDER BY ${parts.join(', ')}`;
  }

  private columnSql(name: string): string {
    const sqlName = this.columns.get(name);
    if (sqlName === undefined) throw new Error(`plan refers to column '${name}' that this stage does not have`);
    return this.dialect.quoteIdentifier(sqlName);
  }

  render(expr: PlanExpr): Rendered {
    switch (expr.kind) {
      case 'column':
        return { sql: this.columnSql(expr.name), type: expr.type };
      case 'json-path':
        return { sql: this.jsonPath(expr), type: 'dynamic' };
      case 'literal':
        return { sql: this.literal(expr.value), type: expr.type };
      case 'regex':
        return { sql: this.bind({ value: expr.pattern, type: 'text' }), type: 'string' };
      case 'period':
        return { sql: this.bind({ value: expr.amount, type: 'double' }), type: 'number' };
      case 'not':
        return { sql: `(NOT ${this.asBoolean(expr.operand)})`, type: 'boolean' };
      case 'negate':
        return { sql: `(- ${this.asNumber(expr.operand)})`, type: 'number' };
      case 'logical':
        return { sql: `(${this.asBoolean(expr.left)} ${expr.op.toUpperCase()} ${this.asBoolean(expr.right)})`, type: 'boolean' };
      case 'compare':
        return { sql: this.compare(expr), type: 'boolean' };
      case 'arithmetic':
        return { sql: this.arithmetic(expr), type: 'number' };
      case 'contains':
        return { sql: `coalesce(${this.dialect.contains(this.asText(expr.subject), this.asText(expr.text))}, false)`, type: 'boolean' };
      case 'matches': {
        const pattern = this.bind({ value: `${expr.caseInsensitive ? '(?i)' : ''}${expr.pattern}`, type: 'text' });
        return { sql: `coalesce(${this.dialect.regexMatches(this.asText(expr.subject), pattern)}, false)`, type: 'boolean' };
      }
      case 'extract': {
        const pattern = this.bind({ value: expr.pattern, type: 'text' });
        // One regex run instead of a test and an extract, when '' can only mean "no match" (single-pass-captures.ts).
        if (groupAlwaysConsumes(expr.pattern, expr.group)) return { sql: `NULLIF(${this.dialect.regexGroup(this.asText(expr.source), pattern, expr.group)}, '')`, type: 'string' };
        return { sql: this.dialect.regexExtract(this.asText(expr.source), pattern, expr.group), type: 'string' };
      }
      case 'function':
      case 'aggregate':
        return { sql: renderFunction(this, expr), type: expr.type };
      default:
        return assertNever(expr);
    }
  }

  /**
   * The SQL of the condition's message prefilter (message-prefilter.ts), or undefined. Fields read from indexed
   * columns need none; a message with a backslash may hold escapes, so it always passes to the exact test.
   */
  private messagePrefilterSql(condition: PlanExpr): string | undefined {
    const message = this.columns.get('@message');
    if (message === undefined || message !== this.baseMessage) return undefined;
    const fromMessage = (expr: PlanExpr): boolean => readsMessage(expr) && !(expr.kind === 'json-path' && this.readsIndexedColumnOnly(expr));
    const prefilter = messagePrefilter(condition, fromMessage);
    if (prefilter === undefined) return undefined;
    this.sawPrefilter = true;
    const column = this.dialect.quoteIdentifier(message);
    const render = (p: MessagePrefilter): string => {
      if (p.kind !== 'text') return `(${p.parts.map(render).join(p.kind === 'all' ? ' AND ' : ' OR ')})`;
      const text = this.bind({ value: p.caseInsensitive ? `(?i)${escapeRegex(p.text)}` : p.text, type: 'text' });
      return p.caseInsensitive ? this.dialect.regexMatches(column, text) : this.dialect.contains(column, text);
    };
    return `coalesce(${render(prefilter)} OR ${this.dialect.contains(column, this.bind({ value: '\\', type: 'text' }))}, true)`;
  }

  /** True when every row reads this JSON path from an indexed column, never from the message. */
  private readsIndexedColumnOnly(expr: Extract<PlanExpr, { kind: 'json-path' }>): boolean {
    const dotted = expr.path.every((step) => 'key' in step && !step.key.includes('.')) ? expr.path.map((step) => ('key' in step ? step.key : '')).join('.') : undefined;
    return dotted !== undefined && this.indexedComplete && this.indexed.has(dotted);
  }

  /** An indexed field reads its column on rows whose fields were extracted; other rows parse the message. */
  private jsonPath(expr: Extract<PlanExpr, { kind: 'json-path' }>): string {
    const onMessage = expr.source.kind === 'column' && expr.source.name === MESSAGE_JSON_COLUMN;
    const dotted = expr.path.every((step) => 'key' in step && !step.key.includes('.')) ? expr.path.map((step) => ('key' in step ? step.key : '')).join('.') : undefined;
    const column = onMessage && dotted !== undefined ? this.indexed.get(dotted) : undefined;
    const q = (name: string): string => this.dialect.quoteIdentifier(name);
    // Even a CASE whose ELSE no row takes makes the engine read the messages, which costs as much as parsing them.
    // (Checked before rendering the parse: its path would otherwise be bound and never used.)
    if (column !== undefined && this.indexedComplete) return q(column);
    const parsed = this.dialect.jsonValue(this.render(expr.source).sql, expr.path, this.bind);
    if (column === undefined || this.indexedFlag === undefined) return parsed;
    return `CASE WHEN ${q(this.indexedFlag)} THEN ${q(column)} ELSE ${parsed} END`;
  }

  private literal(value: string | number | boolean | null): string {
    if (value === null) return 'NULL';
    if (typeof value === 'string') return this.bind({ value, type: 'text' });
    if (typeof value === 'number') return this.bind({ value, type: 'double' });
    return this.bind({ value, type: 'boolean' });
  }

  asNumber(expr: PlanExpr): string {
    return this.toNumber(this.render(expr));
  }

  asText(expr: PlanExpr): string {
    return this.toText(this.render(expr));
  }

  asBoolean(expr: PlanExpr): string {
    return this.toBoolean(this.render(expr));
  }

  toNumber({ sql, type }: Rendered): string {
    if (type === 'number' || type === 'timestamp') return sql;
    if (type === 'boolean') return `CAST(${sql} AS DOUBLE)`;
    return this.dialect.tryNumber(sql);
  }

  toText({ sql, type }: Rendered): string {
    if (type === 'number' || type === 'timestamp') return this.dialect.numberText(sql);
    if (type === 'boolean') return `CASE WHEN ${sql} THEN '1' WHEN NOT ${sql} THEN '0' END`;
    return sql;
  }

  toBoolean({ sql, type }: Rendered): string {
    if (type === 'boolean') return `coalesce(${sql}, false)`;
    if (type === 'number' || type === 'timestamp') return `coalesce(${sql} <> 0, false)`;
    return `coalesce(${sql} NOT IN ('', '0', 'false'), false)`;
  }

  /**
   * Fields have no declared type: a comparison with a number (or a timestamp) is numeric, one with a string is
   * textual, and two untyped fields compare as numbers when both read as numbers, else as text.
   */
  private compare(expr: Extract<PlanExpr, { kind: 'compare' }>): string {
    const left = this.render(expr.left);
    const right = this.render(expr.right);
    const numeric = (t: ValueType): boolean => t === 'number' || t === 'timestamp' || t === 'boolean';
    const op = expr.op === '!=' ? '<>' : expr.op;
    if (numeric(left.type) || numeric(right.type)) return `coalesce(${this.toNumber(left)} ${op} ${this.toNumber(right)}, false)`;
    if (left.type === 'string' || right.type === 'string') return `coalesce(${this.toText(left)} ${op} ${this.toText(right)}, false)`;
    const l = this.dialect.tryNumber(left.sql);
    const r = this.dialect.tryNumber(right.sql);
    return `coalesce(CASE WHEN ${l} IS NOT NULL AND ${r} IS NOT NULL THEN ${l} ${op} ${r} ELSE ${left.sql} ${op} ${right.sql} END, false)`;
  }

  private arithmetic(expr: Extract<PlanExpr, { kind: 'arithmetic' }>): string {
    const left = this.asNumber(expr.left);
    const right = this.asNumber(expr.right);
    switch (expr.op) {
      case '^':
        return this.dialect.power(left, right);
      case '%':
        return this.dialect.modulo(left, right);
      case '/':
        return `(CAST(${left} AS DOUBLE) / NULLIF(${right}, 0))`;
      default:
        return `(${left} ${expr.op} ${right})`;
    }
  }
}
