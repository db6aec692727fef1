import type { FilterPattern, JsonExpression, JsonPath, PatternValue } from './ast.js';
import { assertNever } from '../kernel/index.js';

/**
 * Same shape as `JsonCondition` in src/storage/log-store.ts (this module may not import storage). Values are read as
 * the matcher reads them: the event parsed with JSON.parse (so the last of duplicate keys wins), `path` followed from
 * the root object.
 * - `number`: the value is a number, or a string that reads as one (`NUMBER_TEXT`), and compares with `value`.
 * - `text`: the value is a string whose text equals, starts with, ends with or contains `value`.
 * Events that are not JSON objects never satisfy a condition.
 */
export type JsonPushdown =
  | { readonly kind: 'all'; readonly operands: readonly JsonPushdown[] }
  | { readonly kind: 'any'; readonly operands: readonly JsonPushdown[] }
  | { readonly kind: 'number'; readonly path: JsonPath; readonly operator: '=' | '<' | '<=' | '>' | '>='; readonly value: number }
  | { readonly kind: 'text'; readonly path: JsonPath; readonly match: 'equals' | 'starts-with' | 'ends-with' | 'contains'; readonly value: string };

/** Comparisons kept per pattern; past this, `and` operands are dropped (weaker, still necessary) and `or`s give up. */
const MAX_LEAVES = 16;

/**
 * A condition on JSON events that every match of `pattern` meets, for storage to evaluate before the exact match
 * (which still runs on what passes). Undefined when nothing useful can be said: not a JSON pattern, or only
 * comparisons that cannot be expressed without risk of dropping a match (`!=`, regexes, `NOT EXISTS`, `IS`, `*`).
 */
export function jsonPushdownOf(pattern: FilterPattern): JsonPushdown | undefined {
  if (pattern.kind !== 'json') return undefined;
  const budget = { leaves: MAX_LEAVES };
  return pushdown(pattern.expression, budget);
}

function pushdown(expression: JsonExpression, budget: { leaves: number }): JsonPushdown | undefined {
  switch (expression.kind) {
    case 'and': {
      // Dropping a conjunct only weakens the condition, so an unusable operand is simply left out.
      const operands = expression.operands.map((o) => pushdown(o, budget)).filter((o): o is JsonPushdown => o !== undefined);
      return operands.length === 0 ? undefined : operands.length === 1 ? operands[0] : { kind: 'all', operands };
    }
    case 'or': {
      const operands: JsonPushdown[] = [];
      for (const operand of expression.operands) {
        const condition = pushdown(operand, budget);
        if (condition === undefined) return undefined; // one unconstrained branch admits everything
        operands.push(condition);
      }
      return operands.length === 1 ? operands[0] : { kind: 'any', operands };
    }
    case 'compare': {
      if (budget.leaves <= 0) return undefined;
      const leaf = compareLeaf(expression.path, expression.operator, expression.value);
      if (leaf !== undefined) budget.leaves--;
      return leaf;
    }
    case 'is':
    case 'not-exists':
      return undefined;
    default:
      return assertNever(expression, 'JSON expression');
  }
}

function compareLeaf(path: JsonPath, operator: string, value: PatternValue): JsonPushdown | undefined {
  if (value.kind === 'number') {
    // `!=` also holds for text that is not a number, and an infinite bound is left to the exact match.
    if (operator === '!=' || !Number.isFinite(value.value)) return undefined;
    return { kind: 'number', path, operator: operator as '=' | '<' | '<=' | '>' | '>=', value: value.value };
  }
  if (value.kind !== 'string' || operator !== '=' || value.shape === 'any' || value.core === '') return undefined;
  // The matcher compares numbers and booleans as JavaScript prints them (4e2 as `400`, `true`): text made only of
  // characters such printing uses could match one of those, which a string-only condition would drop.
  if (/^[0-9.+\-eInfityruals]*$/.test(value.core)) return undefined;
  const match = value.shape === 'exact' ? 'equals' : value.shape;
  return { kind: 'text', path, match, value: value.core };
}
