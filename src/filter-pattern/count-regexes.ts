import type { FieldCondition, FilterPattern, JsonExpression, PatternValue } from './ast.js';
import { assertNever } from '../kernel/index.js';

/**
 * The number of `%regex%` in a pattern. AWS allows at most 2 per pattern (the parser enforces it) and at most 5
 * regex-containing patterns among a log group's metric and subscription filters (the service checks that: a pattern
 * counts when this is above 0).
 */
export function countRegexes(pattern: FilterPattern): number {
  switch (pattern.kind) {
    case 'match-all':
      return 0;
    case 'terms':
      return pattern.clauses.filter((c) => (c.kind === 'optional' || c.kind === 'exclusion' ? c.matcher : c).kind === 'regex').length;
    case 'json':
      return inExpression(pattern.expression);
    case 'space-delimited':
      return pattern.fields.reduce((sum, f) => sum + (f.kind === 'field' && f.condition ? inCondition(f.condition) : 0), 0);
    default:
      return assertNever(pattern, 'filter pattern');
  }
}

function inExpression(expression: JsonExpression): number {
  if (expression.kind === 'and' || expression.kind === 'or') return expression.operands.reduce((sum, o) => sum + inExpression(o), 0);
  return expression.kind === 'compare' ? inValue(expression.value) : 0;
}

function inCondition(condition: FieldCondition): number {
  if (condition.kind === 'compare') return inValue(condition.value);
  return condition.operands.reduce((sum, o) => sum + inCondition(o), 0);
}

function inValue(value: PatternValue): number {
  return value.kind === 'regex' ? 1 : 0;
}
