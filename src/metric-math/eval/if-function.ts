import type { DropTracker, Point } from './series.js';
import { seriesFrom, valueMap } from './series.js';
import type { Fail } from './state.js';
import { describe } from './state.js';
import type { MathValue } from './value.js';
import { single } from './value.js';

/**
 * IF(condition, trueValue[, falseValue]) (using-metric-math.html, "Using IF expressions"). A condition value other
 * than 0 is TRUE. For a series condition, at each of its timestamps:
 * - TRUE takes trueValue there (a scalar, or the series' point, 0 when that series has none);
 * - FALSE takes falseValue there (a scalar, or the series' point); no point when that series has none or falseValue is
 *   omitted;
 * - a timestamp without a condition point yields nothing.
 * A scalar condition picks one whole argument (an omitted falseValue gives an empty series).
 */
export function ifFunction(
  condition: MathValue,
  whenTrue: MathValue,
  whenFalse: MathValue | undefined,
  tracker: DropTracker,
  fail: Fail,
): MathValue {
  for (const arg of [condition, whenTrue, whenFalse]) {
    if (arg?.kind === 'array') return fail(`IF does not accept ${describe(arg)}`);
  }
  if (condition.kind === 'scalar') {
    if (condition.value !== 0) return whenTrue;
    return whenFalse ?? single({ label: 'IF', timestamps: [], values: [] });
  }
  if (condition.kind !== 'series') return fail('IF needs a condition');
  const cond = condition.series;
  const yes = branch(whenTrue);
  const no = whenFalse === undefined ? undefined : branch(whenFalse);
  const points: Point[] = [];
  cond.timestamps.forEach((t, i) => {
    const value = (cond.values[i] ?? 0) !== 0 ? (yes(t) ?? 0) : no?.(t);
    if (value !== undefined) points.push([t, value]);
  });
  const label = labelOf(whenTrue) ?? cond.label;
  return single(seriesFrom(label, points, tracker, cond.periodSeconds));
}

function branch(value: MathValue): (t: number) => number | undefined {
  if (value.kind === 'scalar') return () => value.value;
  if (value.kind === 'series') {
    const map = valueMap(value.series);
    return (t) => map.get(t);
  }
  return () => undefined;
}

function labelOf(value: MathValue): string | undefined {
  return value.kind === 'series' ? value.series.label : undefined;
}
