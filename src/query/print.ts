import { assertNever } from '../kernel/index.js';
import type { BinaryOperator, Command, Expr, ParsePattern, Projection, Query, SortKey, SourceSelection } from './ast.js';

/**
 * Prints an AST back to query text that parses to the same AST (spans aside): parentheses only where precedence
 * needs them, names backticked only where their characters need it, keywords in lower case.
 */
export function printQuery(query: Query): string {
  const parts = query.commands.map(printCommand);
  if (query.source !== undefined) parts.unshift(printSource(query.source));
  return parts.join(' | ');
}

export function printCommand(command: Command): string {
  switch (command.kind) {
    case 'fields':
    case 'display':
      return `${command.kind} ${command.items.map(printProjection).join(', ')}`;
    case 'filter':
    case 'filterIndex':
      return `${command.kind} ${printExpr(command.condition)}`;
    case 'stats': {
      const by = command.groupBy.length === 0 ? '' : ` by ${command.groupBy.map(printProjection).join(', ')}`;
      return `stats ${command.aggregations.map(printProjection).join(', ')}${by}`;
    }
    case 'sort':
      return `sort ${command.keys.map(printSortKey).join(', ')}`;
    case 'limit':
      return `limit ${command.count}`;
    case 'parse':
      return `parse ${printExpr(command.source)} ${printParsePattern(command.pattern)}`;
    case 'dedup':
      return `dedup ${command.fields.map(printExpr).join(', ')}`;
    case 'pattern':
    case 'unmask':
      return `${command.kind} ${printExpr(command.source)}`;
    case 'diff':
      return command.explicit ? `diff ${command.window}` : 'diff';
    case 'unnest':
      return `unnest ${printExpr(command.source)} into ${printName(command.into)}`;
    case 'addtotals':
      return printAddtotals(command);
    case 'logcompare':
      return `logcompare timeshift ${command.shift.amount}${command.shift.unit}`;
    default:
      return assertNever(command);
  }
}

function printProjection(projection: Projection): string {
  const expr = printExpr(projection.expr);
  return projection.alias === undefined ? expr : `${expr} as ${printName(projection.alias)}`;
}

function printSortKey(key: SortKey): string {
  return key.explicit ? `${printExpr(key.expr)} ${key.direction}` : printExpr(key.expr);
}

function printParsePattern(pattern: ParsePattern): string {
  const as = (names: readonly string[]): string => (names.length === 0 ? '' : ` as ${names.map(printName).join(', ')}`);
  switch (pattern.kind) {
    case 'glob':
      return `${printString(pattern.text)}${as(pattern.fields)}`;
    case 'regex':
      return `${printRegex(pattern.pattern, pattern.caseInsensitive)}${pattern.aliased ? as(pattern.fields) : ''}${pattern.multi ? ' multi' : ''}`;
    case 'logfmt':
      return `logfmt${as([pattern.alias])}`;
    case 'csv':
      return `csv${as(pattern.fields)}`;
    default:
      return assertNever(pattern);
  }
}

/** Only the options that differ from AWS's defaults (fieldname=Total, row=true, col=false) are printed. */
function printAddtotals(command: Extract<Command, { kind: 'addtotals' }>): string {
  const parts = ['addtotals'];
  if (command.fieldName !== 'Total') parts.push(`fieldname=${printName(command.fieldName)}`);
  if (!command.row) parts.push('row=false');
  if (command.col) parts.push('col=true');
  const fields = command.fields.map(printExpr).join(', ');
  return fields === '' ? parts.join(' ') : `${parts.join(' ')} ${fields}`;
}

function printSource(source: SourceSelection): string {
  const list = (values: readonly string[]): string => `[${values.map(printString).join(', ')}]`;
  const args = [
    ...(source.namePrefixes.length === 0 ? [] : [`namePrefix: ${list(source.namePrefixes)}`]),
    ...(source.classes.length === 0 ? [] : [`class: ${list(source.classes)}`]),
    ...(source.accountIdentifiers.length === 0 ? [] : [`accountIdentifiers: ${list(source.accountIdentifiers)}`]),
  ];
  return `SOURCE logGroups(${args.join(', ')})`;
}

/** Binding strength: a child binds looser than its parent needs parentheses. */
const PRECEDENCE: Readonly<Record<BinaryOperator, number>> = {
  or: 1, and: 2, '=': 4, '!=': 4, '<': 4, '<=': 4, '>': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6, '^': 8,
};
const NOT_PRECEDENCE = 3;
const COMPARISON_PRECEDENCE = 4;
const UNARY_MINUS_PRECEDENCE = 7;
const ATOM = 10;

function precedenceOf(expr: Expr): number {
  switch (expr.kind) {
    case 'binary':
      return PRECEDENCE[expr.op];
    case 'unary':
      return expr.op === 'not' ? NOT_PRECEDENCE : UNARY_MINUS_PRECEDENCE;
    case 'like':
    case 'in':
      return COMPARISON_PRECEDENCE;
    case 'number':
      return expr.value < 0 ? UNARY_MINUS_PRECEDENCE : ATOM;
    default:
      return ATOM;
  }
}

function wrap(expr: Expr, minimum: number): string {
  const text = printExpr(expr);
  return precedenceOf(expr) < minimum ? `(${text})` : text;
}

export function printExpr(expr: Expr): string {
  switch (expr.kind) {
    case 'field':
      return printName(expr.name);
    case 'string':
      return printString(expr.value);
    case 'number':
      return String(expr.value);
    case 'regex':
      return printRegex(expr.pattern, expr.caseInsensitive);
    case 'period':
      return `${expr.amount}${expr.unit}`;
    case 'boolean':
      return String(expr.value);
    case 'null':
      return 'null';
    case 'star':
      return '*';
    case 'list':
      return `[${expr.items.map(printExpr).join(', ')}]`;
    case 'unary':
      return expr.op === 'not' ? `not ${wrap(expr.operand, NOT_PRECEDENCE)}` : `-${wrap(expr.operand, UNARY_MINUS_PRECEDENCE)}`;
    case 'binary': {
      const own = PRECEDENCE[expr.op];
      // Comparisons do not chain, `^` is right-associative and the rest are left-associative.
      const leftMin = expr.op === '^' || own === COMPARISON_PRECEDENCE ? own + 1 : own;
      // The exponent of `^` may itself be a unary minus (`2 ^ -1`).
      const rightMin = expr.op === '^' ? UNARY_MINUS_PRECEDENCE : own + 1;
      return `${wrap(expr.left, leftMin)} ${expr.op} ${wrap(expr.right, rightMin)}`;
    }
    case 'like': {
      const op = expr.operator === '=~' ? '=~' : expr.negated ? 'not like' : 'like';
      return `${wrap(expr.subject, COMPARISON_PRECEDENCE + 1)} ${op} ${wrap(expr.pattern, COMPARISON_PRECEDENCE + 1)}`;
    }
    case 'in':
      return `${wrap(expr.subject, COMPARISON_PRECEDENCE + 1)} ${expr.negated ? 'not in' : 'in'} ${wrap(expr.list, COMPARISON_PRECEDENCE + 1)}`;
    case 'call':
      return `${expr.name}(${expr.args.map(printExpr).join(', ')})`;
    case 'index':
      return `${wrap(expr.target, ATOM)}[${printExpr(expr.index)}]`;
    default:
      return assertNever(expr);
  }
}

const PLAIN_NAME = /^[A-Za-z_@$][A-Za-z0-9_@.$]*$/;
const KEYWORDS = new Set(['and', 'or', 'not', 'like', 'in', 'as', 'by', 'asc', 'desc', 'true', 'false', 'null']);

/** Backticks only when needed; an `@` system-field prefix stays outside them, as AWS writes `` @`aws.tag.x:y` ``. */
export function printName(name: string): string {
  if (PLAIN_NAME.test(name) && !KEYWORDS.has(name.toLowerCase())) return name;
  if (name.startsWith('@') && name.length > 1) return `@\`${name.slice(1)}\``;
  return `\`${name}\``;
}

function printString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r')}"`;
}

function printRegex(pattern: string, caseInsensitive: boolean): string {
  let body = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern.charAt(i);
    if (ch === '\\' && i + 1 < pattern.length) {
      body += pattern.slice(i, i + 2);
      i++;
    } else body += ch === '/' ? '\\/' : ch;
  }
  return `/${caseInsensitive ? '(?i)' : ''}${body}/`;
}
