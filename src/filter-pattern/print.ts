import type { FieldCondition, FilterPattern, JsonExpression, JsonPath, PatternValue, SpaceField, TermClause, TermMatcher } from './ast.js';
import { assertNever } from '../kernel/index.js';
import { NUMBER_TEXT } from './parse-value.js';

/** Canonical text for a pattern: `parseFilterPattern(printFilterPattern(p))` deep-equals `p`. */
export function printFilterPattern(pattern: FilterPattern): string {
  switch (pattern.kind) {
    case 'match-all':
      return '';
    case 'terms':
      return pattern.clauses.map(printClause).join(' ');
    case 'json':
      return `{ ${printExpression(pattern.expression)} }`;
    case 'space-delimited':
      return `[${pattern.fields.map(printField).join(', ')}]`;
    default:
      return assertNever(pattern, 'filter pattern');
  }
}

function printClause(clause: TermClause): string {
  if (clause.kind === 'optional') return `?${printMatcher(clause.matcher)}`;
  if (clause.kind === 'exclusion') return `-${printMatcher(clause.matcher)}`;
  return printMatcher(clause);
}

function printMatcher(matcher: TermMatcher): string {
  if (matcher.kind === 'term') return matcher.text;
  if (matcher.kind === 'phrase') return quote(matcher.text);
  return `%${matcher.source}%`;
}

/** `||` binds loosest, so only an `or` inside an `and` needs parentheses (the parser flattens same-kind nesting). */
function printExpression(expression: JsonExpression): string {
  switch (expression.kind) {
    case 'or':
      return expression.operands.map(printExpression).join(' || ');
    case 'and':
      return expression.operands.map((o) => (o.kind === 'or' ? `(${printExpression(o)})` : printExpression(o))).join(' && ');
    case 'compare':
      return `${printPath(expression.path)} ${expression.operator} ${printValue(expression.value)}`;
    case 'is':
      return `${printPath(expression.path)} IS ${expression.test}`;
    case 'not-exists':
      return `${printPath(expression.path)} NOT EXISTS`;
    default:
      return assertNever(expression, 'JSON expression');
  }
}

function printPath(path: JsonPath): string {
  return '$' + path.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('');
}

function printField(field: SpaceField): string {
  if (field.kind === 'ellipsis') return '...';
  return field.condition === undefined ? field.name : printCondition(field.condition, field.name);
}

function printCondition(condition: FieldCondition, name: string): string {
  switch (condition.kind) {
    case 'or':
      return condition.operands.map((o) => printCondition(o, name)).join(' || ');
    case 'and':
      return condition.operands.map((o) => printCondition(o, name)).join(' && ');
    case 'compare':
      return `${name} ${condition.operator} ${printValue(condition.value)}`;
    default:
      return assertNever(condition, 'field condition');
  }
}

function printValue(value: PatternValue): string {
  switch (value.kind) {
    case 'number':
      return value.text;
    case 'regex':
      return `%${value.source}%`;
    case 'string':
      // Bare when it reads back as the same string; quoted otherwise (and always when it would read as a number).
      return /^[A-Za-z0-9_.*+\-:/]+$/.test(value.value) && !NUMBER_TEXT.test(value.value) ? value.value : quote(value.value);
    default:
      return assertNever(value, 'pattern value');
  }
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
