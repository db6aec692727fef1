import type { ComparisonOperator, PatternValue, StringValue } from './ast.js';
import { assertNever } from '../kernel/index.js';
import { NUMBER_TEXT } from './parse-value.js';

/**
 * Compares text (a space-delimited field, or a JSON string) with a pattern value. Against a number the text must read
 * as one (`bytes > 1000`); text that is not a number is never equal to one, so only `!=` holds.
 */
export function compareText(text: string, operator: ComparisonOperator, value: PatternValue): boolean {
  switch (value.kind) {
    case 'number': {
      if (!NUMBER_TEXT.test(text)) return operator === '!=';
      return compareNumbers(Number(text), operator, value.value);
    }
    case 'string': {
      const equal = matchesGlob(text, value);
      return operator === '=' ? equal : !equal;
    }
    case 'regex': {
      const found = value.regex.test(text);
      return operator === '=' ? found : !found;
    }
    default:
      return assertNever(value, 'pattern value');
  }
}

/** Compares a JSON number; string and regex values see it as JavaScript prints it (`404`, `1.5`). */
export function compareNumber(n: number, operator: ComparisonOperator, value: PatternValue): boolean {
  if (value.kind === 'number') return compareNumbers(n, operator, value.value);
  return compareText(String(n), operator, value);
}

function compareNumbers(left: number, operator: ComparisonOperator, right: number): boolean {
  switch (operator) {
    case '=':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    default:
      return assertNever(operator, 'operator');
  }
}

function matchesGlob(text: string, value: StringValue): boolean {
  switch (value.shape) {
    case 'exact':
      return text === value.core;
    case 'starts-with':
      return text.startsWith(value.core);
    case 'ends-with':
      return text.endsWith(value.core);
    case 'contains':
      return text.includes(value.core);
    case 'any':
      return true;
    default:
      return assertNever(value.shape, 'wildcard shape');
  }
}
