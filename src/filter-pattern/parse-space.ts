import type { FieldCondition, SpaceDelimitedPattern, SpaceField } from './ast.js';
import { readOperator, readValue } from './parse-value.js';
import type { Scanner } from './scanner.js';

/** Field names as AWS CDK validates them. */
const NAME_CHAR = /^[A-Za-z0-9_-]$/;

/**
 * `[ip, user, ..., status_code = 4* || status_code = 5*, bytes > 1000]`. A slot is `...`, a name, a name with
 * conditions, or empty (`[..., request,]` has an unnamed last slot). Conditions in one slot combine with `&&`
 * (binding tighter) and `||`, and must all name that slot: AWS rejects its own old example
 * `status_code = 4* && bytes > 1000` as an invalid filter pattern.
 */
export function parseSpaceDelimited(scanner: Scanner): SpaceDelimitedPattern {
  scanner.expect('[', 'to open a space-delimited pattern');
  const fields: SpaceField[] = [];
  if (!scanner.accept(']')) {
    let ellipsisAt = -1;
    for (;;) {
      scanner.skipSpace();
      const at = scanner.pos;
      const field = readField(scanner);
      if (field.kind === 'ellipsis') {
        if (ellipsisAt >= 0) scanner.fail("A space-delimited pattern can contain '...' only once", at);
        ellipsisAt = at;
      }
      fields.push(field);
      if (scanner.accept(',')) continue;
      if (scanner.accept(']')) break;
      scanner.fail(`Expected ',' or ']' after a field but found ${scanner.describeNext()}`);
    }
  }
  scanner.skipSpace();
  if (!scanner.atEnd()) scanner.fail(`Unexpected ${scanner.describeNext()} after the closing ']'`);
  return { kind: 'space-delimited', fields };
}

function readField(scanner: Scanner): SpaceField {
  if (scanner.startsWith('...')) {
    scanner.pos += 3;
    return { kind: 'ellipsis' };
  }
  const ch = scanner.peek();
  if (ch === ',' || ch === ']') return { kind: 'field', name: '' };
  const start = scanner.pos;
  const name = readName(scanner);
  scanner.skipSpace();
  if (!'=!<>'.includes(scanner.peek())) return { kind: 'field', name };
  scanner.pos = start;
  return { kind: 'field', name, condition: parseOr(scanner, name) };
}

function parseOr(scanner: Scanner, name: string): FieldCondition {
  const operands = [parseAnd(scanner, name)];
  while (scanner.accept('||')) operands.push(parseAnd(scanner, name));
  return operands.length === 1 && operands[0] !== undefined ? operands[0] : { kind: 'or', operands };
}

function parseAnd(scanner: Scanner, name: string): FieldCondition {
  const operands = [parseComparison(scanner, name)];
  while (scanner.accept('&&')) operands.push(parseComparison(scanner, name));
  return operands.length === 1 && operands[0] !== undefined ? operands[0] : { kind: 'and', operands };
}

function parseComparison(scanner: Scanner, name: string): FieldCondition {
  scanner.skipSpace();
  const at = scanner.pos;
  const found = readName(scanner);
  if (found !== name) {
    scanner.fail(`Every condition in a field must name that field: found '${found}' in the field '${name}'; separate fields with ','`, at);
  }
  const operator = readOperator(scanner);
  if (operator === undefined) {
    scanner.fail(`Expected =, !=, <, <=, >, >= after '${name}' but found ${scanner.describeNext()}`);
  }
  return { kind: 'compare', operator, value: readValue(scanner, operator) };
}

function readName(scanner: Scanner): string {
  const name = scanner.readWhile((ch) => NAME_CHAR.test(ch));
  if (name === '') {
    scanner.fail(`Expected a field name (letters, digits, '_', '-'), '...' or ',' but found ${scanner.describeNext()}`);
  }
  return name;
}
