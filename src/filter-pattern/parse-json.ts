import type { JsonExpression, JsonPattern } from './ast.js';
import { readSelector } from './json-selector.js';
import { readOperator, readValue } from './parse-value.js';
import type { Scanner } from './scanner.js';

/**
 * `{ SELECTOR OP VALUE }`, `{ SELECTOR IS NULL|TRUE|FALSE }`, `{ SELECTOR NOT EXISTS }`, combined with `&&` and `||`
 * and parentheses; precedence `()` > `&&` > `||` as AWS documents. The caller has checked the closing brace.
 */
export function parseJson(scanner: Scanner): JsonPattern {
  scanner.expect('{', 'to open a JSON pattern');
  const expression = parseOr(scanner);
  scanner.expect('}', 'to close the JSON pattern');
  scanner.skipSpace();
  if (!scanner.atEnd()) scanner.fail(`Unexpected ${scanner.describeNext()} after the closing '}'`);
  return { kind: 'json', expression };
}

function parseOr(scanner: Scanner): JsonExpression {
  const operands = [parseAnd(scanner)];
  while (scanner.accept('||')) operands.push(parseAnd(scanner));
  return combine('or', operands);
}

function parseAnd(scanner: Scanner): JsonExpression {
  const operands = [parsePrimary(scanner)];
  while (scanner.accept('&&')) operands.push(parsePrimary(scanner));
  return combine('and', operands);
}

/** Flattens `(a && b) && c` into one node, so the AST does not depend on redundant parentheses. */
function combine(kind: 'and' | 'or', operands: JsonExpression[]): JsonExpression {
  if (operands.length === 1 && operands[0] !== undefined) return operands[0];
  const flat = operands.flatMap((operand) => (operand.kind === kind ? operand.operands : [operand]));
  return { kind, operands: flat };
}

function parsePrimary(scanner: Scanner): JsonExpression {
  if (scanner.accept('(')) {
    const inner = parseOr(scanner);
    scanner.expect(')', 'to close the parenthesis');
    return inner;
  }
  scanner.skipSpace();
  if (scanner.peek() !== '$') {
    scanner.fail(`Expected a selector such as $.eventType or '(' but found ${scanner.describeNext()}`);
  }
  const path = readSelector(scanner);
  scanner.skipSpace();
  const keywordAt = scanner.pos;
  const keyword = scanner.readWhile((ch) => /^[A-Za-z]$/.test(ch)).toUpperCase();
  if (keyword === 'IS') {
    scanner.skipSpace();
    const testAt = scanner.pos;
    const test = scanner.readWhile((ch) => /^[A-Za-z]$/.test(ch)).toUpperCase();
    if (test === 'NULL' || test === 'TRUE' || test === 'FALSE') return { kind: 'is', path, test };
    if (test === 'NOT') {
      scanner.fail("'IS NOT' is not supported: use 'NOT EXISTS' for a missing field, or '!=' to compare a value", keywordAt);
    }
    scanner.fail(`Expected NULL, TRUE or FALSE after 'IS' but found ${test === '' ? scanner.describeNext() : `'${test}'`}`, testAt);
  }
  if (keyword === 'NOT') {
    scanner.skipSpace();
    if (scanner.readWhile((ch) => /^[A-Za-z]$/.test(ch)).toUpperCase() === 'EXISTS') return { kind: 'not-exists', path };
    scanner.fail("Expected 'EXISTS' after 'NOT'", keywordAt);
  }
  if (keyword === 'EXISTS') {
    scanner.fail("'EXISTS' is not supported: write '$.field = *' to require a field, or 'NOT EXISTS' for its absence", keywordAt);
  }
  if (keyword !== '') scanner.fail(`Unknown keyword '${keyword}' after the selector`, keywordAt);
  const operator = readOperator(scanner);
  if (operator === undefined) {
    scanner.fail(`Expected =, !=, <, <=, >, >=, IS or NOT EXISTS after the selector but found ${scanner.describeNext()}`);
  }
  return { kind: 'compare', path, operator, value: readValue(scanner, operator) };
}
