import type { MathExpr } from '../math/ast.js';
import { MetricMathError } from '../metric-math-error.js';
import type { DropTracker } from './series.js';
import type { EvaluationContext, MathValue, TimeSeries } from './value.js';

/** Raises an evaluation error at the node being evaluated. */
export type Fail = (message: string) => never;

/** What every evaluation step reads: the request context, the drop tracker and node positions for errors. */
export interface EvalState {
  readonly ctx: EvaluationContext;
  readonly tracker: DropTracker;
  readonly positions: ReadonlyMap<MathExpr, number>;
  /** Evaluates a sub-expression (passed in so that function implementations need not import the evaluator). */
  readonly evaluate: (node: MathExpr) => Promise<MathValue>;
}

export function failAt(state: EvalState, node: MathExpr): Fail {
  return (message: string): never => {
    throw new MetricMathError(message, state.positions.get(node) ?? 0, 'validation');
  };
}

const TYPE_NAMES = { scalar: 'a scalar', series: 'a time series', array: 'an array of time series' } as const;

export function describe(value: MathValue): string {
  return TYPE_NAMES[value.kind];
}

/** TS or TS[] (AWS's "TS TS[]" argument lists); a scalar is refused with the function's name. */
export function seriesOrArray(value: MathValue, fn: string, fail: Fail): TimeSeries | readonly TimeSeries[] {
  if (value.kind === 'series') return value.series;
  if (value.kind === 'array') return value.series;
  return fail(`${fn} expects a time series or an array of time series, got ${describe(value)}`);
}

export function seriesArg(value: MathValue, fn: string, fail: Fail): TimeSeries {
  if (value.kind === 'series') return value.series;
  return fail(`${fn} expects a time series, got ${describe(value)}`);
}

export function arrayArg(value: MathValue, fn: string, fail: Fail): readonly TimeSeries[] {
  if (value.kind === 'array') return value.series;
  return fail(`${fn} expects an array of time series, got ${describe(value)}`);
}

export function scalarArg(value: MathValue, fn: string, fail: Fail): number {
  if (value.kind === 'scalar') return value.value;
  return fail(`${fn} expects a scalar, got ${describe(value)}`);
}

/** Applies a per-series function to a TS or to each member of a TS[], keeping the shape. */
export function perSeries(value: TimeSeries | readonly TimeSeries[], fn: (series: TimeSeries) => TimeSeries): MathValue {
  return isSeriesList(value) ? { kind: 'array', series: value.map(fn) } : { kind: 'series', series: fn(value) };
}

export function isSeriesList(value: TimeSeries | readonly TimeSeries[]): value is readonly TimeSeries[] {
  return Array.isArray(value);
}

/** The result of another query of the request by Id. */
export function lookup(id: string, state: EvalState, fail: Fail): MathValue {
  const found = state.ctx.source.series(id);
  if (found === undefined) return fail(`Unknown Id "${id}": no metric or expression in the request has this Id`);
  return isSeriesList(found) ? { kind: 'array', series: found } : { kind: 'series', series: found };
}
