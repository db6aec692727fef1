import { assertNever } from '../../kernel/index.js';
import type { InsightsPredicate, InsightsQuery } from './insights-ast.js';
import { INSIGHTS_FUNCTIONS } from './insights-ast.js';
import { INSIGHTS_KEYWORDS, WORD } from './insights-lexer.js';

/** Canonical one-line text of a Metrics Insights query (keywords uppercase, ORDER BY direction explicit). */
export function printInsightsQuery(query: InsightsQuery): string {
  const from =
    query.schemaKeys === undefined
      ? identifier(query.namespace)
      : `SCHEMA(${[query.namespace, ...query.schemaKeys].map((name) => identifier(name)).join(', ')})`;
  const parts = [`SELECT ${query.aggregation}(${identifier(query.metricName)})`, `FROM ${from}`];
  if (query.where !== undefined) parts.push(`WHERE ${printPredicate(query.where)}`);
  if (query.groupBy.length > 0) parts.push(`GROUP BY ${query.groupBy.map((key) => identifier(key, true)).join(', ')}`);
  if (query.orderBy !== undefined) parts.push(`ORDER BY ${query.orderBy.function}() ${query.orderBy.direction}`);
  if (query.limit !== undefined) parts.push(`LIMIT ${query.limit}`);
  return parts.join(' ');
}

export function printPredicate(predicate: InsightsPredicate): string {
  switch (predicate.kind) {
    case 'compare':
      return `${identifier(predicate.key, true)} ${predicate.op} ${quote(predicate.value, '\'')}`;
    case 'or':
      return `${wrap(predicate.left, 1)} OR ${wrap(predicate.right, 2)}`;
    case 'and':
      return `${wrap(predicate.left, 2)} AND ${wrap(predicate.right, 3)}`;
    default:
      return assertNever(predicate, 'predicate');
  }
}

/** Binding strength OR 1, AND 2, comparison 3; parenthesise a side that binds looser than its place allows. */
function wrap(predicate: InsightsPredicate, min: number): string {
  const strength = predicate.kind === 'or' ? 1 : predicate.kind === 'and' ? 2 : 3;
  const text = printPredicate(predicate);
  return strength < min ? `(${text})` : text;
}

/** Bare when it is a plain word (dotted for label keys) and not a keyword or function name; else double-quoted. */
function identifier(name: string, dotted = false): string {
  const upper = name.toUpperCase();
  const reserved = INSIGHTS_KEYWORDS.has(upper) || INSIGHTS_FUNCTIONS.some((f) => f === upper);
  const bare = WORD.exec(name)?.[0] === name && (dotted || !name.includes('.'));
  return bare && !reserved ? name : quote(name, '"');
}

function quote(text: string, mark: string): string {
  return `${mark}${text.replace(/\\/g, '\\\\').split(mark).join(`\\${mark}`)}${mark}`;
}
