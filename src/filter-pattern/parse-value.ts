import type { ComparisonOperator, NumberValue, PatternValue, StringValue } from './ast.js';
import type { Scanner } from './scanner.js';

/**
 * AWS: "An integer with an optional + or - sign, a decimal with an optional + or - sign, or a number in scientific
 * notation ... followed by 'e', followed by an integer with an optional + or - sign".
 */
export const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Characters of an unquoted value. AWS only promises bare alphanumerics ("Strings that have unicode and other
 * characters such as '@', '$', '\' ... must be enclosed in double quotes"); we also take the characters its own
 * examples leave bare: IPs and globs (`123.123.*`, `*.html*`), signs and exponents, `:` `/` `_` `-`.
 */
export const BARE_VALUE_CHAR = /^[A-Za-z0-9_.*+\-:/]$/;

const OPERATORS: readonly ComparisonOperator[] = ['!=', '<=', '>=', '=', '<', '>'];

/** Reads a comparison operator after optional whitespace, or returns undefined if none comes next. */
export function readOperator(scanner: Scanner): ComparisonOperator | undefined {
  scanner.skipSpace();
  for (const op of OPERATORS) {
    if (scanner.startsWith(op)) {
      scanner.pos += op.length;
      return op;
    }
  }
  return undefined;
}

/** Reads the value after `operator`: a number, a (quoted or bare) string, or a `%regex%`. */
export function readValue(scanner: Scanner, operator: ComparisonOperator): PatternValue {
  scanner.skipSpace();
  const start = scanner.pos;
  let value: PatternValue;
  if (scanner.peek() === '"') {
    value = stringValue(scanner.readQuoted());
  } else if (scanner.peek() === '%') {
    value = scanner.readRegex();
  } else {
    const text = scanner.readWhile((ch) => BARE_VALUE_CHAR.test(ch));
    if (text === '') scanner.fail(`Expected a value after '${operator}' but found ${scanner.describeNext()}`);
    value = NUMBER_TEXT.test(text) ? numberValue(text) : stringValue(text);
  }
  if (operator !== '=' && operator !== '!=' && value.kind !== 'number') {
    scanner.fail(`The operator '${operator}' compares numbers: put a number after it`, start);
  }
  return value;
}

export function numberValue(text: string): NumberValue {
  return { kind: 'number', text, value: Number(text) };
}

export function stringValue(value: string): StringValue {
  const leading = value.startsWith('*');
  const trailing = value.length > 1 && value.endsWith('*');
  if (leading && (trailing || value.length === 1)) {
    const core = value.slice(1, trailing ? -1 : undefined);
    return { kind: 'string', value, shape: core.replace(/\*/g, '') === '' ? 'any' : 'contains', core };
  }
  if (leading) return { kind: 'string', value, shape: 'ends-with', core: value.slice(1) };
  if (trailing) return { kind: 'string', value, shape: 'starts-with', core: value.slice(0, -1) };
  return { kind: 'string', value, shape: 'exact', core: value };
}
