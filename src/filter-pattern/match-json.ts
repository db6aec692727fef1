import type { JsonExpression, JsonPattern } from './ast.js';
import { assertNever } from '../kernel/index.js';
import { MISSING, parseJsonMessage } from './json-message.js';
import { resolvePath } from './json-selector.js';
import { compareNumber, compareText } from './match-value.js';
import { prefilterOf } from './prefilter.js';

/** Per pattern, the substrings a match needs (see prefilter.ts): checking them is far cheaper than JSON.parse. */
const quickChecks = new WeakMap<JsonPattern, readonly (readonly string[])[]>();

/**
 * Events that are not JSON objects never match. A comparison only holds on a value node: a missing field, `null`, an
 * object or an array fails both `=` and `!=` (AWS: "both {$.users = 1} and {$.users != 1} will fail to match" when
 * users is an array); `IS NULL` and `NOT EXISTS` are the ways to ask about those.
 */
export function matchJson(pattern: JsonPattern, message: string): boolean {
  let needs = quickChecks.get(pattern);
  if (needs === undefined) {
    needs = prefilterOf(pattern).allOf;
    quickChecks.set(pattern, needs);
  }
  for (let i = 0; i < needs.length; i++) if (!containsAny(message, needs[i]!)) return false;
  const root = parseJsonMessage(message);
  return root !== MISSING && evaluate(pattern.expression, root);
}

function containsAny(message: string, substrings: readonly string[]): boolean {
  for (let i = 0; i < substrings.length; i++) if (message.includes(substrings[i]!)) return true;
  return false;
}

function evaluate(expression: JsonExpression, root: unknown): boolean {
  switch (expression.kind) {
    case 'and': {
      for (const operand of expression.operands) if (!evaluate(operand, root)) return false;
      return true;
    }
    case 'or': {
      for (const operand of expression.operands) if (evaluate(operand, root)) return true;
      return false;
    }
    case 'compare': {
      const value = resolvePath(root, expression.path);
      if (typeof value === 'string') return compareText(value, expression.operator, expression.value);
      if (typeof value === 'number') return compareNumber(value, expression.operator, expression.value);
      if (typeof value === 'boolean') return compareText(value ? 'true' : 'false', expression.operator, expression.value);
      return false;
    }
    case 'is': {
      const value = resolvePath(root, expression.path);
      return value === (expression.test === 'NULL' ? null : expression.test === 'TRUE');
    }
    case 'not-exists':
      return resolvePath(root, expression.path) === MISSING;
    default:
      return assertNever(expression, 'JSON expression');
  }
}
