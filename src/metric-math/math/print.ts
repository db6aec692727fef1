import { assertNever } from '../../kernel/index.js';
import { printSearchQuery } from '../search/search-print.js';
import type { BinaryOperator, MathExpr } from './ast.js';

/**
 * Canonical text of a math expression: single spaces around binary operators, parentheses only where precedence or
 * associativity needs them, so `parseMathExpression(printMathExpression(x)).ast` deep-equals `x`.
 */
export function printMathExpression(expr: MathExpr): string {
  switch (expr.kind) {
    case 'number':
      return String(expr.value);
    case 'string':
      return quote(expr.value, '"');
    case 'ref':
      return expr.id;
    case 'keyword':
      return expr.name;
    case 'array':
      return `[${expr.items.map(printMathExpression).join(', ')}]`;
    case 'negate':
      return `-${wrap(expr.operand, UNARY)}`;
    case 'binary': {
      const level = LEVEL[expr.op];
      // ^ is right-associative: its left side needs parentheses at its own level, the other operators' right side does.
      const leftMin = expr.op === '^' ? level + 1 : level;
      const rightMin = expr.op === '^' ? UNARY : level + 1;
      return `${wrap(expr.left, leftMin)} ${expr.op} ${wrap(expr.right, rightMin)}`;
    }
    case 'call':
      return `${expr.name}(${expr.args.map(printMathExpression).join(', ')})`;
    case 'search': {
      const args = [quote(printSearchQuery(expr.query), '\''), quote(expr.statistic, '\'')];
      if (expr.period !== undefined) args.push(String(expr.period));
      return `SEARCH(${args.join(', ')})`;
    }
    default:
      return assertNever(expr, 'expression');
  }
}

const UNARY = 6;
const LEVEL: Readonly<Record<BinaryOperator, number>> = {
  OR: 0, '||': 0, AND: 1, '&&': 1,
  '==': 2, '!=': 2, '<': 2, '<=': 2, '>': 2, '>=': 2,
  '+': 3, '-': 3, '*': 4, '/': 4, '^': 7,
};

function strength(expr: MathExpr): number {
  if (expr.kind === 'binary') return LEVEL[expr.op];
  if (expr.kind === 'negate') return UNARY;
  return 8;
}

function wrap(expr: MathExpr, min: number): string {
  const text = printMathExpression(expr);
  return strength(expr) < min ? `(${text})` : text;
}

function quote(text: string, mark: string): string {
  return `${mark}${text.split(mark).join(`\\${mark}`)}${mark}`;
}
