import type { BinaryOperator, Expr, Span } from './ast.js';
import type { Token } from './lexer.js';
import type { TokenCursor } from './token-cursor.js';

/**
 * Expressions, by precedence from loosest: `or`, `and`, `not`, comparisons (`= != < <= > >=`, `like`, `=~`, `in`,
 * with `not like` / `not in`), `+ -`, `* / %`, `^` (right-associative), unary `-`, then postfix `[index]`.
 */
const COMPARISONS: readonly BinaryOperator[] = ['=', '!=', '<', '<=', '>', '>='];
const RESERVED = new Set(['and', 'or', 'not', 'like', 'in', 'as', 'by', 'asc', 'desc']);
const EXPRESSION_START = 'an expression (field, number, string, regex, function call, ( or [)';

export function parseExpression(cursor: TokenCursor): Expr {
  return parseOr(cursor);
}

function binary(op: BinaryOperator, left: Expr, right: Expr): Expr {
  return { kind: 'binary', op, left, right, span: join(left.span, right.span) };
}

function join(a: Span, b: Span): Span {
  return { start: a.start, end: b.end };
}

function parseOr(cursor: TokenCursor): Expr {
  let left = parseAnd(cursor);
  while (cursor.acceptWord('or')) left = binary('or', left, parseAnd(cursor));
  return left;
}

function parseAnd(cursor: TokenCursor): Expr {
  let left = parseNot(cursor);
  while (cursor.acceptWord('and')) left = binary('and', left, parseNot(cursor));
  return left;
}

function parseNot(cursor: TokenCursor): Expr {
  if (cursor.isWord('not')) {
    const start = cursor.next().span.start;
    const operand = parseNot(cursor);
    return { kind: 'unary', op: 'not', operand, span: { start, end: operand.span.end } };
  }
  return parseComparison(cursor);
}

function parseComparison(cursor: TokenCursor): Expr {
  const left = parseAdditive(cursor);
  const token = cursor.peek();
  if (token.type === 'punct' && (COMPARISONS as readonly string[]).includes(token.value)) {
    cursor.next();
    return binary(token.value as BinaryOperator, left, parseAdditive(cursor));
  }
  if (token.type === 'punct' && token.value === '=~') {
    cursor.next();
    return like(left, parseAdditive(cursor), false, '=~');
  }
  if (cursor.acceptWord('like')) return like(left, parseAdditive(cursor), false, 'like');
  if (cursor.acceptWord('in')) return inList(left, parseAdditive(cursor), false);
  if (cursor.isWord('not')) {
    cursor.next();
    if (cursor.acceptWord('like')) return like(left, parseAdditive(cursor), true, 'like');
    if (cursor.acceptWord('in')) return inList(left, parseAdditive(cursor), true);
    throw cursor.mismatch("{'like', 'in'}");
  }
  return left;
}

function like(subject: Expr, pattern: Expr, negated: boolean, operator: 'like' | '=~'): Expr {
  return { kind: 'like', subject, pattern, negated, operator, span: join(subject.span, pattern.span) };
}

function inList(subject: Expr, list: Expr, negated: boolean): Expr {
  return { kind: 'in', subject, list, negated, span: join(subject.span, list.span) };
}

function parseAdditive(cursor: TokenCursor): Expr {
  let left = parseMultiplicative(cursor);
  for (;;) {
    if (cursor.acceptPunct('+')) left = binary('+', left, parseMultiplicative(cursor));
    else if (cursor.acceptPunct('-')) left = binary('-', left, parseMultiplicative(cursor));
    else return left;
  }
}

function parseMultiplicative(cursor: TokenCursor): Expr {
  let left = parseUnary(cursor);
  for (;;) {
    const token = cursor.peek();
    if (token.type !== 'punct' || (token.value !== '*' && token.value !== '/' && token.value !== '%')) return left;
    cursor.next();
    left = binary(token.value, left, parseUnary(cursor));
  }
}

/** Unary minus binds looser than `^`, as in arithmetic: `-2 ^ 2` is -4; a minus before a bare number folds into it. */
function parseUnary(cursor: TokenCursor): Expr {
  const token = cursor.peek(true);
  if (token.type === 'punct' && token.value === '-') {
    cursor.next(true);
    const operand = parseUnary(cursor);
    if (operand.kind === 'number') return { kind: 'number', value: -operand.value, span: join(token.span, operand.span) };
    return { kind: 'unary', op: '-', operand, span: join(token.span, operand.span) };
  }
  return parsePower(cursor);
}

function parsePower(cursor: TokenCursor): Expr {
  const base = parsePostfix(cursor);
  if (!cursor.acceptPunct('^')) return base;
  return binary('^', base, parseUnary(cursor));
}

function parsePostfix(cursor: TokenCursor): Expr {
  let target = parsePrimary(cursor);
  while (cursor.isPunct('[')) {
    cursor.next();
    const index = parseExpression(cursor);
    const close = cursor.expectPunct(']');
    target = { kind: 'index', target, index, span: join(target.span, close.span) };
  }
  return target;
}

function parsePrimary(cursor: TokenCursor): Expr {
  const token = cursor.peek(true);
  switch (token.type) {
    case 'number':
      cursor.next(true);
      return { kind: 'number', value: token.value, span: token.span };
    case 'period':
      cursor.next(true);
      return { kind: 'period', amount: token.amount, unit: token.unit, span: token.span };
    case 'string':
      cursor.next(true);
      return { kind: 'string', value: token.value, span: token.span };
    case 'regex':
      cursor.next(true);
      return regexLiteral(token.pattern, token.span);
    case 'name':
      return parseNamed(cursor, token);
    case 'punct':
      if (token.value === '(') {
        cursor.next(true);
        const inner = parseExpression(cursor);
        cursor.expectPunct(')');
        return inner;
      }
      if (token.value === '[') return parseList(cursor);
      if (token.value === '*') {
        cursor.next(true);
        return { kind: 'star', span: token.span };
      }
      throw cursor.mismatch(EXPRESSION_START, true);
    case 'end':
      throw cursor.mismatch(EXPRESSION_START, true);
  }
}

/** `(?i)` at the start of a regex makes it case-insensitive, as in AWS's examples; it is kept out of the pattern. */
export function regexLiteral(pattern: string, span: Span): Expr {
  const caseInsensitive = pattern.startsWith('(?i)');
  return { kind: 'regex', pattern: caseInsensitive ? pattern.slice(4) : pattern, caseInsensitive, span };
}

function parseNamed(cursor: TokenCursor, token: Extract<Token, { type: 'name' }>): Expr {
  const lower = token.value.toLowerCase();
  if (!token.quoted && RESERVED.has(lower)) throw cursor.mismatch(EXPRESSION_START, true);
  cursor.next(true);
  if (!token.quoted && cursor.isPunct('(')) return parseCall(cursor, token);
  if (!token.quoted && (lower === 'true' || lower === 'false')) return { kind: 'boolean', value: lower === 'true', span: token.span };
  if (!token.quoted && lower === 'null') return { kind: 'null', span: token.span };
  return { kind: 'field', name: token.value, span: token.span };
}

function parseCall(cursor: TokenCursor, name: Extract<Token, { type: 'name' }>): Expr {
  cursor.expectPunct('(');
  const args: Expr[] = [];
  if (!cursor.isPunct(')')) {
    do args.push(parseExpression(cursor));
    while (cursor.acceptPunct(','));
  }
  if (!cursor.isPunct(')')) throw cursor.mismatch("{',', ')'}");
  const close = cursor.next();
  return { kind: 'call', name: name.value, args, span: join(name.span, close.span) };
}

function parseList(cursor: TokenCursor): Expr {
  const open = cursor.next(true);
  const items: Expr[] = [];
  if (!cursor.isPunct(']')) {
    do items.push(parseExpression(cursor));
    while (cursor.acceptPunct(','));
  }
  if (!cursor.isPunct(']')) throw cursor.mismatch("{',', ']'}");
  const close = cursor.next();
  return { kind: 'list', items, span: join(open.span, close.span) };
}
