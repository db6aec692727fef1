import { MetricMathError } from '../metric-math-error.js';
import type { CallExpr, MathExpr } from './ast.js';
import { FUNCTIONS } from './function-table.js';
import type { ExpressionCursor } from './token-cursor.js';

/** `NAME(arg, ...)` after the name: checks the name against AWS's function list and the argument count. */
export function parseCall(cursor: ExpressionCursor, name: string, pos: number): CallExpr {
  const spec = FUNCTIONS.get(name);
  if (spec === undefined) throw new MetricMathError(`Unknown function "${name}"`, pos, 'syntax');
  cursor.expectPunct('(');
  const args: MathExpr[] = [];
  if (!cursor.isPunct(')')) {
    do args.push(parseArgument(cursor, spec.keywords?.[args.length]));
    while (cursor.acceptPunct(','));
  }
  cursor.expectPunct(')');
  if (args.length < spec.minArgs || args.length > spec.maxArgs) {
    const expected = spec.minArgs === spec.maxArgs ? `${spec.minArgs}` : `${spec.minArgs} to ${spec.maxArgs}`;
    const message = `${name} takes ${expected} argument${spec.maxArgs === 1 ? '' : 's'}, got ${args.length}`;
    throw new MetricMathError(message, pos, 'syntax');
  }
  return { kind: 'call', name, args };
}

/** A bare keyword (REPEAT, AVG, DESC) is only an argument where the function's table allows it. */
function parseArgument(cursor: ExpressionCursor, keywords: readonly string[] | undefined): MathExpr {
  const token = cursor.peek();
  const ends = cursor.isPunct(',', 1) || cursor.isPunct(')', 1);
  if (token.type === 'word' && ends && keywords?.includes(token.value) === true) {
    cursor.next();
    return cursor.node({ kind: 'keyword', name: token.value }, token.pos);
  }
  return cursor.parseExpression();
}
