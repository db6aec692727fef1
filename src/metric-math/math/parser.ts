import { MetricMathError } from '../metric-math-error.js';
import type { BinaryOperator, MathExpr } from './ast.js';
import { parseCall } from './call-parser.js';
import type { MathToken } from './lexer.js';
import { tokenizeMath } from './lexer.js';
import { parseSearchCall } from './search-call.js';
import type { ExpressionCursor } from './token-cursor.js';

/** A parsed math expression and, beside the tree, where each node starts in the text (for evaluation errors). */
export interface ParsedMath {
  readonly kind: 'math';
  readonly ast: MathExpr;
  readonly positions: ReadonlyMap<MathExpr, number>;
}

const LEVELS: readonly (readonly string[])[] = [
  ['OR', '||'],
  ['AND', '&&'],
  ['==', '!=', '<', '<=', '>', '>='],
  ['+', '-'],
  ['*', '/'],
];

/** Precedence, loosest first: OR, AND, comparisons, + -, * /, unary minus, ^ (right-associative). */
export function parseMathExpression(text: string): ParsedMath {
  const parser = new MathParser(text);
  return { kind: 'math', ast: parser.parseAll(), positions: parser.positions };
}

class MathParser implements ExpressionCursor {
  readonly positions = new Map<MathExpr, number>();
  private readonly tokens: MathToken[];
  private index = 0;

  constructor(readonly text: string) {
    this.tokens = tokenizeMath(text);
  }

  parseAll(): MathExpr {
    if (this.peek().type === 'end') throw new MetricMathError('The expression is empty', 0, 'syntax');
    const expr = this.parseLevel(0);
    const rest = this.peek();
    if (rest.type !== 'end') throw this.unexpected(rest);
    return expr;
  }

  peek(offset = 0): MathToken {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as MathToken;
  }

  next(): MathToken {
    const token = this.peek();
    if (token.type !== 'end') this.index++;
    return token;
  }

  isPunct(value: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.type === 'punct' && token.value === value;
  }

  expectPunct(value: string): void {
    if (!this.isPunct(value)) throw this.unexpected(this.peek(), `expected '${value}'`);
    this.next();
  }

  node<T extends MathExpr>(expr: T, pos: number): T {
    this.positions.set(expr, pos);
    return expr;
  }

  unexpected(token: MathToken, hint?: string): MetricMathError {
    const what = token.type === 'end' ? 'end of expression' : `'${this.text.slice(token.pos, this.tokenEnd(token)).trim()}'`;
    const suffix = hint === undefined ? '' : ` (${hint})`;
    return new MetricMathError(`Unexpected ${what} at position ${token.pos}${suffix}`, token.pos, 'syntax');
  }

  parseExpression(): MathExpr {
    return this.parseLevel(0);
  }

  parseLevel(level: number): MathExpr {
    const ops = LEVELS[level];
    if (ops === undefined) return this.parseUnary();
    let left = this.parseLevel(level + 1);
    for (;;) {
      const token = this.peek();
      const isOp = (token.type === 'punct' || token.type === 'word') && ops.includes(token.value);
      if (!isOp) return left;
      this.next();
      const right = this.parseLevel(level + 1);
      left = this.node({ kind: 'binary', op: token.value as BinaryOperator, left, right }, this.positions.get(left) ?? token.pos);
    }
  }

  private parseUnary(): MathExpr {
    const token = this.peek();
    if (token.type === 'punct' && token.value === '-') {
      this.next();
      return this.node({ kind: 'negate', operand: this.parseUnary() }, token.pos);
    }
    const base = this.parsePrimary();
    if (!this.isPunct('^')) return base;
    this.next();
    const exponent = this.parseUnary();
    return this.node({ kind: 'binary', op: '^', left: base, right: exponent }, this.positions.get(base) ?? token.pos);
  }

  private parsePrimary(): MathExpr {
    const token = this.next();
    switch (token.type) {
      case 'number':
        return this.node({ kind: 'number', value: token.value }, token.pos);
      case 'string':
        return this.node({ kind: 'string', value: token.value }, token.pos);
      case 'id':
        if (this.isPunct('(')) {
          const hint = `function names are uppercase, e.g. ${token.value.toUpperCase()}`;
          throw new MetricMathError(`Unknown function "${token.value}" (${hint})`, token.pos, 'syntax');
        }
        return this.node({ kind: 'ref', id: token.value }, token.pos);
      case 'word':
        return this.parseWord(token.value, token.pos);
      case 'punct':
        return this.parseBracketed(token);
      case 'end':
        throw this.unexpected(token, 'expected a value');
    }
  }

  private parseBracketed(token: MathToken & { type: 'punct' }): MathExpr {
    if (token.value === '(') {
      const inner = this.parseLevel(0);
      this.expectPunct(')');
      return inner;
    }
    if (token.value !== '[') throw this.unexpected(token);
    const items: MathExpr[] = [];
    if (!this.isPunct(']')) {
      do items.push(this.parseLevel(0));
      while (this.acceptPunct(','));
    }
    this.expectPunct(']');
    return this.node({ kind: 'array', items }, token.pos);
  }

  acceptPunct(value: string): boolean {
    if (!this.isPunct(value)) return false;
    this.next();
    return true;
  }

  private parseWord(name: string, pos: number): MathExpr {
    if (!this.isPunct('(')) {
      throw new MetricMathError(`Unexpected word "${name}" at position ${pos}`, pos, 'syntax');
    }
    return this.node(name === 'SEARCH' ? parseSearchCall(this) : parseCall(this, name, pos), pos);
  }

  private tokenEnd(token: MathToken): number {
    const following = this.tokens.find((t) => t.pos > token.pos);
    return following === undefined ? this.text.length : following.pos;
  }
}
