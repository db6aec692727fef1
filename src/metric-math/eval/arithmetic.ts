import { assertNever } from '../../kernel/index.js';
import type { BinaryOperator } from '../math/ast.js';
import type { DropTracker } from './series.js';
import { mapSeries, seriesFrom, unionTimestamps, valueMap } from './series.js';
import type { Fail } from './state.js';
import type { MathValue, TimeSeries } from './value.js';
import { array, scalar, single } from './value.js';

/**
 * Binary operators over S, TS and TS[] (using-metric-math.html, "Basic arithmetic functions" and "Comparison and
 * logical operators"): between two series a timestamp present in only one of them counts as 0 in the other (AWS:
 * "Missing values in a time series are treated as 0"); a result that is NaN or infinite (x/0) is dropped. An array
 * combines member by member with a scalar or a series; two arrays cannot be combined.
 */
export function applyBinary(op: BinaryOperator, left: MathValue, right: MathValue, tracker: DropTracker, fail: Fail): MathValue {
  const fn = (a: number, b: number): number => compute(op, a, b);
  if (left.kind === 'array') {
    if (right.kind === 'array') return fail(`Cannot apply '${op}' to two arrays of time series`);
    return array(left.series.map((s) => combine(s, right, fn, tracker, false)));
  }
  if (right.kind === 'array') return array(right.series.map((s) => combine(s, left, fn, tracker, true)));
  if (left.kind === 'series') return single(combine(left.series, right, fn, tracker, false));
  if (right.kind === 'series') return single(combine(right.series, left, fn, tracker, true));
  return scalar(fn(left.value, right.value));
}

type Operand = Exclude<MathValue, { kind: 'array' }>;

/** `series op other` (or `other op series` when `swapped`), where other is a scalar or a series. */
function combine(
  series: TimeSeries,
  other: Operand,
  fn: (a: number, b: number) => number,
  tracker: DropTracker,
  swapped: boolean,
): TimeSeries {
  const apply = (a: number, b: number): number => (swapped ? fn(b, a) : fn(a, b));
  if (other.kind === 'scalar') return mapSeries(series, (v) => apply(v, other.value), tracker);
  const right = other.series;
  const a = valueMap(series);
  const b = valueMap(right);
  const points = unionTimestamps([series, right]).map((t) => [t, apply(a.get(t) ?? 0, b.get(t) ?? 0)] as const);
  return seriesFrom(series.label, points, tracker, series.periodSeconds ?? right.periodSeconds);
}

function compute(op: BinaryOperator, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '^':
      return a ** b;
    case '==':
      return bool(a === b);
    case '!=':
      return bool(a !== b);
    case '<':
      return bool(a < b);
    case '<=':
      return bool(a <= b);
    case '>':
      return bool(a > b);
    case '>=':
      return bool(a >= b);
    case 'AND':
    case '&&':
      return bool(a !== 0 && b !== 0);
    case 'OR':
    case '||':
      return bool(a !== 0 || b !== 0);
    default:
      return assertNever(op, 'operator');
  }
}

const bool = (value: boolean): number => (value ? 1 : 0);
