import { assertNever } from '../kernel/index.js';
import type { Expr, Span } from './ast.js';
import { AGGREGATE_FUNCTIONS, SCALAR_FUNCTIONS, arityOf, type FunctionSpec } from './functions.js';
import { MESSAGE_JSON_COLUMN, type PathStep, type PlanExpr, type ValueType } from './plan.js';
import { printExpr } from './print.js';
import { QuerySyntaxError } from './query-syntax-error.js';
import { checkRegex } from './regex-support.js';
import { parseIpv4Cidr, parseIpv6Cidr } from './ip-cidr.js';
import { lambdaField, textFormatField } from './known-log-fields.js';

/** The columns a stage can see, by the name a query uses for them. */
export class Scope {
  private readonly columns = new Map<string, PlanExpr>();

  /** `after`: the command that made the rows when they are no longer events (`stats`, `pattern`), for messages. */
  constructor(
    readonly aggregated: boolean,
    readonly after = 'stats',
  ) {}

  define(name: string, expr: PlanExpr): void {
    this.columns.set(name, expr);
  }

  lookup(name: string): PlanExpr | undefined {
    return this.columns.get(name);
  }

  names(): string[] {
    return [...this.columns.keys()];
  }

  /** A scope that starts with these columns and can be extended without changing this one. */
  copy(): Scope {
    const copy = new Scope(this.aggregated, this.after);
    for (const [name, expr] of this.columns) copy.define(name, expr);
    return copy;
  }
}

export interface ExprContext {
  readonly scope: Scope;
  /** True inside a `stats` aggregation item, where aggregate functions may appear (once, not nested). */
  readonly aggregatesAllowed: boolean;
}

/** Turns a parsed expression into a resolved, typed plan expression, or refuses it with its span. */
export function resolveExpr(expr: Expr, ctx: ExprContext): PlanExpr {
  // After stats, an expression written like a stats column (`sort count(*) desc`) refers to that column.
  const named = ctx.scope.aggregated ? ctx.scope.lookup(printExpr(expr)) : undefined;
  if (named !== undefined && expr.kind !== 'field') return named;
  switch (expr.kind) {
    case 'field':
      return resolveField(expr.name, expr.span, ctx.scope);
    case 'string':
      return { kind: 'literal', value: expr.value, type: 'string' };
    case 'number':
      return { kind: 'literal', value: expr.value, type: 'number' };
    case 'boolean':
      return { kind: 'literal', value: expr.value, type: 'boolean' };
    case 'null':
      return { kind: 'literal', value: null, type: 'dynamic' };
    case 'regex':
      checkRegex(expr.pattern, expr.span);
      return { kind: 'regex', pattern: expr.pattern, caseInsensitive: expr.caseInsensitive };
    case 'period':
      return { kind: 'period', amount: expr.amount, unit: expr.unit };
    case 'star':
      throw new QuerySyntaxError("'*' is only valid as count(*)", expr.span);
    case 'list':
      throw new QuerySyntaxError('a list is only valid after in / not in', expr.span);
    case 'unary':
      return expr.op === 'not'
        ? { kind: 'not', operand: resolveExpr(expr.operand, ctx), type: 'boolean' }
        : { kind: 'negate', operand: resolveExpr(expr.operand, ctx), type: 'number' };
    case 'binary': {
      const left = resolveExpr(expr.left, ctx);
      const right = resolveExpr(expr.right, ctx);
      if (expr.op === 'and' || expr.op === 'or') return { kind: 'logical', op: expr.op, left, right, type: 'boolean' };
      if (expr.op === '+' || expr.op === '-' || expr.op === '*' || expr.op === '/' || expr.op === '%' || expr.op === '^') {
        return { kind: 'arithmetic', op: expr.op, left, right, type: 'number' };
      }
      return { kind: 'compare', op: expr.op, left, right, type: 'boolean' };
    }
    case 'like':
      return resolveLike(expr, ctx);
    case 'in':
      return resolveIn(expr, ctx);
    case 'call':
      return resolveCall(expr, ctx);
    case 'index':
      return resolveIndex(expr, ctx);
    default:
      return assertNever(expr);
  }
}

function resolveLike(expr: Extract<Expr, { kind: 'like' }>, ctx: ExprContext): PlanExpr {
  const subject = resolveExpr(expr.subject, ctx);
  let test: PlanExpr;
  if (expr.pattern.kind === 'regex') {
    checkRegex(expr.pattern.pattern, expr.pattern.span);
    test = { kind: 'matches', subject, pattern: expr.pattern.pattern, caseInsensitive: expr.pattern.caseInsensitive, type: 'boolean' };
  } else if (expr.operator === '=~') {
    throw new QuerySyntaxError("'=~' takes a /regex/", expr.pattern.span);
  } else {
    test = { kind: 'contains', subject, text: resolveExpr(expr.pattern, ctx), type: 'boolean' };
  }
  return expr.negated ? { kind: 'not', operand: test, type: 'boolean' } : test;
}

/** `x in [a, b]` is `x = a or x = b`, each equality typed by its own item (AWS allows mixed lists). */
function resolveIn(expr: Extract<Expr, { kind: 'in' }>, ctx: ExprContext): PlanExpr {
  if (expr.list.kind !== 'list') throw new QuerySyntaxError("'in' takes a list such as [\"a\", 1]", expr.list.span);
  const subject = resolveExpr(expr.subject, ctx);
  if (expr.list.items.length === 0) return { kind: 'literal', value: expr.negated, type: 'boolean' };
  const tests = expr.list.items.map((item): PlanExpr => ({ kind: 'compare', op: '=', left: subject, right: resolveExpr(item, ctx), type: 'boolean' }));
  const anyOf = tests.reduce((left, right) => ({ kind: 'logical', op: 'or', left, right, type: 'boolean' }));
  return expr.negated ? { kind: 'not', operand: anyOf, type: 'boolean' } : anyOf;
}

function resolveCall(expr: Extract<Expr, { kind: 'call' }>, ctx: ExprContext): PlanExpr {
  const key = expr.name.toLowerCase();
  const aggregate = AGGREGATE_FUNCTIONS.get(key);
  if (aggregate !== undefined) {
    if (!ctx.aggregatesAllowed) {
      throw new QuerySyntaxError(`${aggregate.name}() is a stats function: use it in a stats command`, expr.span);
    }
    checkArity(aggregate, expr);
    const inner: ExprContext = { scope: ctx.scope, aggregatesAllowed: false };
    const args = expr.args.map((arg, index) => {
      const resolved = resolveArgument(aggregate, index, arg, inner);
      // Only reachable through an earlier item's alias (`stats sum(x) as s, max(s)`): a field cannot be an aggregation.
      if (containsAggregate(resolved)) throw new QuerySyntaxError(`${aggregate.name}() cannot take another stats function`, arg.span);
      return resolved;
    });
    return { kind: 'aggregate', name: aggregate.name, args, type: resultType(aggregate, args) };
  }
  const spec = SCALAR_FUNCTIONS.get(key);
  if (spec === undefined) throw new QuerySyntaxError(`unknown function '${expr.name}'`, expr.span);
  checkArity(spec, expr);
  checkSubnet(spec, expr);
  const args = expr.args.map((arg, index) => resolveArgument(spec, index, arg, ctx));
  return { kind: 'function', name: spec.name, args, type: resultType(spec, args) };
}

/**
 * Subnet tests take a CIDR literal of their family: isIpv4InSubnet an IPv4 one, isIpv6InSubnet an IPv6 one, and
 * isIpInSubnet either (the CIDR decides which family the address is tested as).
 */
function checkSubnet(spec: FunctionSpec, expr: Extract<Expr, { kind: 'call' }>): void {
  if (spec.name !== 'isIpInSubnet' && spec.name !== 'isIpv4InSubnet' && spec.name !== 'isIpv6InSubnet') return;
  const cidr = expr.args[1];
  if (cidr?.kind !== 'string') return;
  const v4 = spec.name !== 'isIpv6InSubnet' && parseIpv4Cidr(cidr.value) !== undefined;
  const v6 = spec.name !== 'isIpv4InSubnet' && parseIpv6Cidr(cidr.value) !== undefined;
  if (v4 || v6) return;
  const example = spec.name === 'isIpv4InSubnet' ? 'an IPv4 subnet such as "192.0.2.0/24"' : spec.name === 'isIpv6InSubnet' ? 'an IPv6 subnet such as "2001:db8::/32"' : 'a subnet such as "192.0.2.0/24" or "2001:db8::/32"';
  throw new QuerySyntaxError(`'${cidr.value}' is not ${example}`, cidr.span);
}

function checkArity(spec: FunctionSpec, expr: Extract<Expr, { kind: 'call' }>): void {
  const { min, max } = arityOf(spec);
  const count = expr.args.length;
  if (count >= min && count <= max) return;
  const expected = min === max ? `${min}` : max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min} to ${max}`;
  throw new QuerySyntaxError(`${spec.name}() takes ${expected} argument(s), not ${count}`, expr.span);
}

function resolveArgument(spec: FunctionSpec, index: number, arg: Expr, ctx: ExprContext): PlanExpr {
  const kind = spec.args[Math.min(index, spec.args.length - 1)] ?? 'any';
  if (kind === 'star-or-any' && arg.kind === 'star') return { kind: 'literal', value: '*', type: 'string' };
  if (kind === 'period' && arg.kind !== 'period') throw new QuerySyntaxError(`${spec.name}() takes a time period such as 5m or 1h here`, arg.span);
  if (kind === 'number-literal' && arg.kind !== 'number') throw new QuerySyntaxError(`${spec.name}() takes a number here`, arg.span);
  if (kind === 'string-literal' && arg.kind !== 'string') throw new QuerySyntaxError(`${spec.name}() takes a quoted string here`, arg.span);
  return resolveExpr(arg, ctx);
}

function resultType(spec: FunctionSpec, args: readonly PlanExpr[]): ValueType {
  if (spec.result !== 'same-as-first') return spec.result;
  const first = args[0];
  return first === undefined ? 'dynamic' : typeOf(first);
}

export function typeOf(expr: PlanExpr): ValueType {
  switch (expr.kind) {
    case 'regex':
      return 'string';
    case 'period':
      return 'number';
    default:
      return expr.type;
  }
}

function resolveIndex(expr: Extract<Expr, { kind: 'index' }>, ctx: ExprContext): PlanExpr {
  const target = resolveExpr(expr.target, ctx);
  const step: PathStep | undefined =
    expr.index.kind === 'number' && Number.isInteger(expr.index.value) ? { index: expr.index.value } : expr.index.kind === 'string' ? { key: expr.index.value } : undefined;
  if (step === undefined) throw new QuerySyntaxError('an index is a whole number or a quoted key', expr.index.span);
  if (target.kind === 'json-path') return { ...target, path: [...target.path, step] };
  return { kind: 'json-path', source: target, path: [step], type: 'dynamic' };
}

/**
 * A field name resolves to, in order: a column the query defined or a system field; a path inside a `jsonParse`
 * column (`js.requestId`); then, while rows are still events, a field discovered in the event's JSON
 * (`input.inputTokenCount`, `items.0.id`; a JSON key starting with `@` is written with one more `@`, as AWS does).
 * After `stats` only its columns exist.
 */
export function resolveField(name: string, span: Span, scope: Scope): PlanExpr {
  const direct = scope.lookup(name);
  if (direct !== undefined) return direct;
  const segments = name.split('.');
  for (let cut = segments.length - 1; cut > 0; cut--) {
    const base = scope.lookup(segments.slice(0, cut).join('.'));
    if (base !== undefined && typeOf(base) === 'json') return { kind: 'json-path', source: base, path: pathOf(segments.slice(cut)), type: 'dynamic' };
  }
  if (scope.aggregated) throw new QuerySyntaxError(`Unknown symbols found in or after ${scope.after}: ${name}`, span);
  if (name.startsWith('@') && !name.startsWith('@@')) return lambdaField(name) ?? { kind: 'literal', value: null, type: 'dynamic' };
  const jsonName = name.startsWith('@@') ? name.slice(1) : name;
  const source: PlanExpr = { kind: 'column', name: MESSAGE_JSON_COLUMN, type: 'json' };
  const fromJson: PlanExpr = { kind: 'json-path', source, path: pathOf(jsonName.split('.')), type: 'dynamic' };
  return textFormatField(name, fromJson) ?? fromJson;
}

/** Flattened JSON names index arrays with numbers: `items.0.id` is `$.items[0].id`. */
function pathOf(segments: readonly string[]): PathStep[] {
  return segments.map((segment) => (/^(0|[1-9]\d*)$/.test(segment) ? { index: Number(segment) } : { key: segment }));
}

/** True when the expression computes over groups (an aggregation somewhere in it). */
export function containsAggregate(expr: PlanExpr): boolean {
  switch (expr.kind) {
    case 'aggregate':
      return true;
    case 'not':
    case 'negate':
      return containsAggregate(expr.operand);
    case 'logical':
    case 'compare':
    case 'arithmetic':
      return containsAggregate(expr.left) || containsAggregate(expr.right);
    case 'function':
      return expr.args.some(containsAggregate);
    default:
      return false;
  }
}
