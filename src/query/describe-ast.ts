import { assertNever } from '../kernel/index.js';
import type { Command, Expr, ParsePattern, Projection, Query } from './ast.js';

/**
 * A compact, stable one-line rendering of an AST for golden files and error messages: commands and operators as
 * s-expressions, fields bare, strings JSON-quoted. Spans are left out, so the rendering is about meaning only.
 */
export function describeQuery(query: Query): string {
  const source = query.source === undefined ? [] : [`(source ${JSON.stringify(query.source)})`];
  return [...source, ...query.commands.map(describeCommand)].join(' ');
}

function describeCommand(command: Command): string {
  switch (command.kind) {
    case 'fields':
    case 'display':
      return `(${command.kind} ${command.items.map(describeProjection).join(' ')})`;
    case 'filter':
    case 'filterIndex':
      return `(${command.kind} ${describeExpr(command.condition)})`;
    case 'stats': {
      const by = command.groupBy.length === 0 ? '' : ` (by ${command.groupBy.map(describeProjection).join(' ')})`;
      return `(stats ${command.aggregations.map(describeProjection).join(' ')}${by})`;
    }
    case 'sort':
      return `(sort ${command.keys.map((k) => `(${k.direction} ${describeExpr(k.expr)})`).join(' ')})`;
    case 'limit':
      return `(limit ${command.count})`;
    case 'parse':
      return `(parse ${describeExpr(command.source)} ${describeParsePattern(command.pattern)})`;
    case 'dedup':
      return `(dedup ${command.fields.map(describeExpr).join(' ')})`;
    case 'pattern':
    case 'unmask':
      return `(${command.kind} ${describeExpr(command.source)})`;
    case 'diff':
      return `(diff ${command.window})`;
    case 'unnest':
      return `(unnest ${describeExpr(command.source)} (into ${command.into}))`;
    case 'addtotals': {
      const fields = command.fields.length === 0 ? '' : ` ${command.fields.map(describeExpr).join(' ')}`;
      return `(addtotals (fieldname ${command.fieldName}) (row ${command.row}) (col ${command.col})${fields})`;
    }
    case 'logcompare':
      return `(logcompare (timeshift ${command.shift.amount}${command.shift.unit}))`;
    default:
      return assertNever(command);
  }
}

function describeParsePattern(p: ParsePattern): string {
  switch (p.kind) {
    case 'glob':
      return `(glob ${JSON.stringify(p.text)}) (as ${p.fields.join(' ')})`;
    case 'regex':
      return `(regex ${JSON.stringify(p.pattern)}${p.caseInsensitive ? ' i' : ''}) (${p.aliased ? 'as' : 'groups'} ${p.fields.join(' ')})${p.multi ? ' multi' : ''}`;
    case 'logfmt':
      return `(logfmt) (as ${p.alias})`;
    case 'csv':
      return `(csv) (as ${p.fields.join(' ')})`;
    default:
      return assertNever(p);
  }
}

function describeProjection(projection: Projection): string {
  const expr = describeExpr(projection.expr);
  return projection.alias === undefined ? expr : `(as ${expr} ${projection.alias})`;
}

export function describeExpr(expr: Expr): string {
  switch (expr.kind) {
    case 'field':
      return /^[A-Za-z0-9_@.$]+$/.test(expr.name) ? expr.name : `\`${expr.name}\``;
    case 'string':
      return JSON.stringify(expr.value);
    case 'number':
      return String(expr.value);
    case 'regex':
      return `/${expr.pattern}/${expr.caseInsensitive ? 'i' : ''}`;
    case 'period':
      return `${expr.amount}${expr.unit}`;
    case 'boolean':
      return String(expr.value);
    case 'null':
      return 'null';
    case 'star':
      return '*';
    case 'list':
      return `[${expr.items.map(describeExpr).join(' ')}]`;
    case 'unary':
      return `(${expr.op} ${describeExpr(expr.operand)})`;
    case 'binary':
      return `(${expr.op} ${describeExpr(expr.left)} ${describeExpr(expr.right)})`;
    case 'like':
      return `(${expr.negated ? 'not-' : ''}${expr.operator} ${describeExpr(expr.subject)} ${describeExpr(expr.pattern)})`;
    case 'in':
      return `(${expr.negated ? 'not-in' : 'in'} ${describeExpr(expr.subject)} ${describeExpr(expr.list)})`;
    case 'call':
      return `(call ${expr.name}${expr.args.map((a) => ` ${describeExpr(a)}`).join('')})`;
    case 'index':
      return `(index ${describeExpr(expr.target)} ${describeExpr(expr.index)})`;
    default:
      return assertNever(expr);
  }
}
