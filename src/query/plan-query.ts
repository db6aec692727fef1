import { assertNever } from '../kernel/index.js';
import type { Command, Expr, Projection, Query, Span } from './ast.js';
import { Scope, containsAggregate, resolveExpr, resolveField, typeOf } from './analyze-expression.js';
import type { Comparison, LogicalPlan, NamedExpr, OrderKey, OutputColumn, PlanExpr, Stage } from './plan.js';
import { DIFF_COLUMNS, MESSAGE_JSON_COLUMN, PATTERN_COLUMNS, SYSTEM_FIELDS } from './plan.js';
import { printExpr } from './print.js';
import { QuerySyntaxError } from './query-syntax-error.js';
import { globToRegex, namedGroupNumbers, portableRegex } from './regex-support.js';

export interface PlanOptions {
  /** StartQuery's `limit`: the most rows the query returns. */
  readonly limit: number;
}


const TIMESTAMP: PlanExpr = { kind: 'column', name: '@timestamp', type: 'timestamp' };
const DEFAULT_EVENT_ORDER: readonly OrderKey[] = [{ expr: TIMESTAMP, direction: 'desc' }];

/** Builds the logical plan of a parsed query, resolving every name; semantic errors are QuerySyntaxErrors with spans. */
export function planQuery(query: Query, options: PlanOptions): LogicalPlan {
  return new Planner().plan(query, options);
}

class Planner {
  private scope = eventScope();
  private readonly stages: Stage[] = [];
  /** Accumulated `fields` columns; undefined until a `fields` command (the default then is @timestamp, @message). */
  private fieldsOutput: OutputColumn[] | undefined;
  private displayOutput: OutputColumn[] | undefined;
  private statsOutput: OutputColumn[] | undefined;
  private order: readonly OrderKey[] = DEFAULT_EVENT_ORDER;
  private matchStages: number | undefined;
  /** The index of the `pattern` stage the previous command added, which a `diff` right after it compares. */
  private patternJustAdded: number | undefined;
  /** Column names an `addtotals col=true` totals in a summary row. */
  private columnTotals: string[] | undefined;

  plan(query: Query, options: PlanOptions): LogicalPlan {
    for (const command of query.commands) this.command(command);
    const output = this.currentOutput();
    // A column a later display left out has no total; one the summary row cannot show is not totalled.
    const totals = this.columnTotals?.filter((name) => output.some((column) => column.name === name));
    return {
      stages: this.stages,
      output,
      order: this.order,
      limit: options.limit,
      rowsAreEvents: !this.scope.aggregated,
      matchStages: this.matchStages ?? this.stages.length,
      ...(totals === undefined ? {} : { columnTotals: totals }),
    };
  }

  private command(command: Command): void {
    const patternBefore = this.patternJustAdded;
    this.patternJustAdded = undefined;
    switch (command.kind) {
      case 'fields':
        this.fieldsOutput = [...(this.fieldsOutput ?? []), ...this.projections(command.items)];
        return;
      case 'display':
        this.displayOutput = this.projections(command.items);
        return;
      case 'filter':
      case 'filterIndex':
        this.stages.push({ kind: 'filter', condition: this.expr(command.condition) });
        return;
      case 'stats':
        return this.stats(command);
      case 'sort': {
        const keys = command.keys.map((key): OrderKey => ({ expr: this.expr(key.expr), direction: key.direction }));
        this.stages.push({ kind: 'sort', keys });
        this.order = keys;
        return;
      }
      case 'limit':
        this.markMatchEnd();
        this.stages.push({ kind: 'limit', count: command.count, order: this.order });
        return;
      case 'parse':
        return this.parse(command);
      case 'dedup':
        this.stages.push({ kind: 'dedup', keys: command.fields.map((field) => this.expr(field)), order: this.order });
        return;
      case 'unmask':
        // Masking comes with data protection; until then every message is unmasked already.
        this.expr(command.source);
        return;
      case 'pattern':
        return this.pattern(command.source, command.span);
      case 'diff':
        return this.diff(command, patternBefore);
      case 'logcompare':
        return this.compare(command.shift, command.span, patternBefore);
      case 'unnest':
        return this.unnest(command);
      case 'addtotals':
        return this.addtotals(command);
      default:
        return assertNever(command);
    }
  }

  private expr(expr: Expr): PlanExpr {
    return resolveExpr(expr, { scope: this.scope, aggregatesAllowed: false });
  }

  /** `fields`/`display` items: plain fields are read where they are; anything else becomes a named column. */
  private projections(items: readonly Projection[]): OutputColumn[] {
    const computed: NamedExpr[] = [];
    const output = items.map((item): OutputColumn => {
      const expr = this.expr(item.expr);
      const name = item.alias ?? (item.expr.kind === 'field' ? item.expr.name : item.text);
      if (item.alias === undefined && item.expr.kind === 'field') return { name, expr };
      computed.push({ name, expr });
      return { name, expr: { kind: 'column', name, type: typeOf(expr) } };
    });
    if (computed.length > 0) {
      this.stages.push({ kind: 'extend', columns: computed });
      for (const column of computed) this.scope.define(column.name, { kind: 'column', name: column.name, type: typeOf(column.expr) });
    }
    return output;
  }

  private stats(command: Extract<Command, { kind: 'stats' }>): void {
    this.markMatchEnd();
    const groups = command.groupBy.map((item): NamedExpr => ({ name: item.alias ?? columnName(item), expr: this.expr(item.expr) }));
    // An item may use the aliases of the items before it (AWS's sample `provisonedMemoryMB - maxMemoryUsedMB`): the
    // alias stands for its aggregation, so the item is an expression over aggregations like any other.
    const itemScope = this.scope.copy();
    const aggregates = command.aggregations.map((item): NamedExpr => {
      const expr = resolveExpr(item.expr, { scope: itemScope, aggregatesAllowed: true });
      if (!containsAggregate(expr)) {
        throw new QuerySyntaxError(`stats needs an aggregation such as count(*), sum(x) or pct(x, 99): '${item.text}' is not one`, item.span);
      }
      if (item.alias !== undefined) itemScope.define(item.alias, expr);
      return { name: item.alias ?? columnName(item), expr };
    });
    this.stages.push({ kind: 'aggregate', groups, aggregates });
    const after = new Scope(true);
    const output: OutputColumn[] = [];
    const items = [...command.groupBy, ...command.aggregations];
    [...groups, ...aggregates].forEach((column, index) => {
      const ref: PlanExpr = { kind: 'column', name: column.name, type: typeOf(column.expr) };
      after.define(column.name, ref);
      const written = items[index];
      if (written !== undefined) after.define(printExpr(written.expr), ref);
      output.push({ name: column.name, expr: ref });
    });
    this.scope = after;
    this.statsOutput = output;
    this.fieldsOutput = undefined;
    this.displayOutput = undefined;
    this.order = groups.map((group): OrderKey => ({ expr: { kind: 'column', name: group.name, type: typeOf(group.expr) }, direction: 'asc' }));
  }

  private parse(command: Extract<Command, { kind: 'parse' }>): void {
    const source = command.source.kind === 'field' ? resolveField(command.source.name, command.source.span, this.scope) : this.expr(command.source);
    const pattern = command.pattern;
    switch (pattern.kind) {
      case 'glob':
        return this.defineColumns(pattern.fields.map((name, index) => ({ name, expr: extract(source, globToRegex(pattern.text), index + 1) })));
      case 'regex': {
        const regex = `${pattern.caseInsensitive ? '(?i)' : ''}${portableRegex(pattern.pattern)}`;
        const named = namedGroupNumbers(pattern.pattern);
        const columns = pattern.fields.map((name, index) => ({ name, group: pattern.aliased ? index + 1 : (named.get(name) ?? 1) }));
        if (!pattern.multi) return this.defineColumns(columns.map(({ name, group }) => ({ name, expr: extract(source, regex, group) })));
        // Records matched counts events, so it is taken before the rows multiply [unconfirmed].
        this.markMatchEnd();
        this.stages.push({ kind: 'explode', source, items: { kind: 'regex-matches', pattern: regex, columns } });
        for (const { name } of columns) this.scope.define(name, { kind: 'column', name, type: 'string' });
        return;
      }
      case 'logfmt':
        return this.defineColumns([{ name: pattern.alias, expr: { kind: 'function', name: 'parseLogfmt', args: [source], type: 'json' } }]);
      case 'csv':
        return this.defineColumns(
          pattern.fields.map((name, index) => ({
            name,
            expr: { kind: 'function', name: 'csvField', args: [source, { kind: 'literal', value: index + 1, type: 'number' }], type: 'string' },
          })),
        );
      default:
        return assertNever(pattern);
    }
  }

  private defineColumns(columns: readonly NamedExpr[]): void {
    this.stages.push({ kind: 'extend', columns });
    for (const column of columns) this.scope.define(column.name, { kind: 'column', name: column.name, type: typeOf(column.expr) });
  }

  /** `unnest x into y`: a row per item of x, with y a JSON value, so `y.name` reads inside an object item. */
  private unnest(command: Extract<Command, { kind: 'unnest' }>): void {
    const source = this.expr(command.source);
    // Records matched counts events, so it is taken before the rows multiply [unconfirmed].
    this.markMatchEnd();
    this.stages.push({ kind: 'explode', source, items: { kind: 'list-items', column: command.into } });
    this.scope.define(command.into, { kind: 'column', name: command.into, type: 'json' });
  }

  /**
   * `addtotals`: with `row`, a column summing, per row, the values of the fields that are numbers (the named fields,
   * else every field the rows show except times); a row with no number has no total [unconfirmed]. With `col`, a
   * summary row of the same fields' column totals (and the row totals') ends the results [unconfirmed: the page says
   * only "adds a summary row at the bottom"].
   */
  private addtotals(command: Extract<Command, { kind: 'addtotals' }>): void {
    const current = this.currentOutput();
    const summed: OutputColumn[] =
      command.fields.length === 0
        ? current.filter((column) => typeOf(column.expr) !== 'timestamp')
        : command.fields.map((field) => ({ name: field.kind === 'field' ? field.name : printExpr(field), expr: this.expr(field) }));
    const added: OutputColumn[] = [];
    if (command.row) {
      const total: PlanExpr = { kind: 'function', name: 'rowTotal', args: summed.map((column) => column.expr), type: 'number' };
      this.defineColumns([{ name: command.fieldName, expr: total }]);
      added.push({ name: command.fieldName, expr: { kind: 'column', name: command.fieldName, type: 'number' } });
    }
    if (command.col) this.columnTotals = [...summed, ...added].map((column) => column.name);
    if (added.length === 0) return;
    const withTotal = [...current.filter((column) => column.name !== command.fieldName), ...added];
    if (this.displayOutput !== undefined) this.displayOutput = withTotal;
    else if (this.fieldsOutput !== undefined || this.statsOutput === undefined) this.fieldsOutput = withTotal;
    else this.statsOutput = withTotal;
  }

  private currentOutput(): OutputColumn[] {
    return this.displayOutput ?? this.fieldsOutput ?? this.statsOutput ?? defaultEventOutput();
  }

  /** `pattern`: events become pattern rows; later commands see only PATTERN_COLUMNS (as after `stats`). */
  private pattern(source: Expr, span: Span): void {
    if (this.scope.aggregated) {
      throw new QuerySyntaxError('pattern clusters log events: it cannot follow stats or another pattern', span);
    }
    this.markMatchEnd();
    this.stages.push({ kind: 'pattern', source: this.expr(source) });
    this.patternJustAdded = this.stages.length - 1;
    this.afterPattern(PATTERN_COLUMNS);
  }

  /**
   * `diff` compares the patterns of the query's range with an earlier one, so it goes right after `pattern`; alone
   * it compares the patterns of `@message` [unconfirmed: AWS's comparison queries "return only patterns", and its
   * docs show `diff` only after `pattern` or alone].
   */
  private diff(command: Extract<Command, { kind: 'diff' }>, patternBefore: number | undefined): void {
    this.compare(command.window, command.span, patternBefore, 'diff');
  }

  /**
   * `diff` and `logcompare` compare the patterns of the query's range with an earlier one (`logcompare timeshift 7d`
   * the range 7 days back), with the same columns [unconfirmed for logcompare: its page states no output].
   */
  private compare(comparison: Comparison, span: Span, patternBefore: number | undefined, command = 'logcompare'): void {
    if (patternBefore === undefined) {
      if (this.scope.aggregated) {
        throw new QuerySyntaxError(`${command} compares patterns: put it right after a pattern command, or use it on log events`, span);
      }
      this.pattern({ kind: 'field', name: '@message', span }, span);
      return this.compare(comparison, span, this.patternJustAdded, command);
    }
    const stage = this.stages[patternBefore];
    if (stage?.kind !== 'pattern') throw new Error(`${command} follows a pattern stage`);
    this.stages[patternBefore] = { ...stage, comparison };
    this.afterPattern([...PATTERN_COLUMNS, ...DIFF_COLUMNS]);
  }

  private afterPattern(columns: readonly { readonly name: string; readonly type: 'string' | 'number' }[]): void {
    this.scope = new Scope(true, 'pattern');
    const output = columns.map((column): OutputColumn => {
      const ref: PlanExpr = { kind: 'column', name: column.name, type: column.type };
      this.scope.define(column.name, ref);
      return { name: column.name, expr: ref };
    });
    this.statsOutput = output;
    this.fieldsOutput = undefined;
    this.displayOutput = undefined;
    // Most frequent first [unconfirmed: AWS's console lists patterns by count], then by text so the order is stable.
    this.order = [
      { expr: { kind: 'column', name: '@sampleCount', type: 'number' }, direction: 'desc' },
      { expr: { kind: 'column', name: '@pattern', type: 'string' }, direction: 'asc' },
    ];
  }

  private markMatchEnd(): void {
    this.matchStages ??= this.stages.length;
  }
}

function eventScope(): Scope {
  const scope = new Scope(false);
  for (const name of SYSTEM_FIELDS) {
    const type = name === '@timestamp' || name === '@ingestionTime' ? 'timestamp' : 'string';
    scope.define(name, { kind: 'column', name, type });
  }
  scope.define(MESSAGE_JSON_COLUMN, { kind: 'column', name: MESSAGE_JSON_COLUMN, type: 'json' });
  return scope;
}

function defaultEventOutput(): OutputColumn[] {
  return [
    { name: '@timestamp', expr: TIMESTAMP },
    { name: '@message', expr: { kind: 'column', name: '@message', type: 'string' } },
  ];
}

function extract(source: PlanExpr, pattern: string, group: number): PlanExpr {
  return { kind: 'extract', source, pattern, group, type: 'string' };
}

function columnName(item: Projection): string {
  return item.expr.kind === 'field' ? item.expr.name : item.text;
}
