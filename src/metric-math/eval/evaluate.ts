import { assertNever } from '../../kernel/index.js';
import type { InsightsQuery } from '../insights/insights-ast.js';
import type { MathExpr } from '../math/ast.js';
import type { ParsedQueryExpression } from '../parse-query-expression.js';
import { MetricMathError } from '../metric-math-error.js';
import { applyBinary } from './arithmetic.js';
import { callFunction } from './call-function.js';
import { mapSeries } from './series.js';
import type { EvalState } from './state.js';
import { describe, failAt, lookup, perSeries } from './state.js';
import type { EvaluationContext, EvaluationResult, MathValue, TimeSeries } from './value.js';
import { ARITHMETIC_ERROR_MESSAGE, array, scalar, single } from './value.js';

/**
 * Evaluates one MetricDataQuery `Expression` (metric math or a Metrics Insights query) against the request's other
 * results and the metric store. The final value must be a TS or a TS[] (AWS: "The final result of any math expression
 * must be a single time series or an array of time series"). Points dropped for being NaN or infinite add AWS's
 * `ArithmeticError` message.
 */
export async function evaluateExpression(parsed: ParsedQueryExpression, ctx: EvaluationContext): Promise<EvaluationResult> {
  const positions = parsed.kind === 'math' ? parsed.positions : new Map<MathExpr, number>();
  const state: EvalState = { ctx, tracker: { dropped: false }, positions, evaluate: (node) => evaluateNode(node, state) };
  const value = parsed.kind === 'math' ? await evaluateNode(parsed.ast, state) : await evaluateInsights(parsed.query, ctx);
  if (value.kind === 'scalar') {
    const message = 'The expression must return a time series or an array of time series, not a single number';
    throw new MetricMathError(message, 0, 'validation');
  }
  return { value, messages: state.tracker.dropped ? [ARITHMETIC_ERROR_MESSAGE] : [] };
}

/** AWS: without GROUP BY a Metrics Insights query returns a single TS, with GROUP BY a TS[]. */
async function evaluateInsights(query: InsightsQuery, ctx: EvaluationContext): Promise<MathValue> {
  const series = await ctx.source.insights(query, ctx.periodSeconds);
  if (query.groupBy.length > 0) return array(series);
  return single(series[0] ?? { label: query.metricName, timestamps: [], values: [] });
}

async function evaluateNode(node: MathExpr, state: EvalState): Promise<MathValue> {
  const fail = failAt(state, node);
  switch (node.kind) {
    case 'number':
      return scalar(node.value);
    case 'string':
      return fail('A quoted string is only allowed as the argument of METRICS or SEARCH');
    case 'keyword':
      return fail(`${node.name} is only allowed as an argument of FILL or SORT`);
    case 'ref':
      return lookup(node.id, state, fail);
    case 'array':
      return array(await flatten(node.items, state));
    case 'negate': {
      const value = await evaluateNode(node.operand, state);
      if (value.kind === 'scalar') return scalar(-value.value);
      return perSeries(value.series, (s) => mapSeries(s, (v) => -v, state.tracker));
    }
    case 'binary': {
      const left = await evaluateNode(node.left, state);
      const right = await evaluateNode(node.right, state);
      return applyBinary(node.op, left, right, state.tracker, fail);
    }
    case 'call':
      return callFunction(node, state, fail);
    case 'search': {
      const period = node.period ?? state.ctx.periodSeconds;
      return array(await state.ctx.source.search(node.query, node.statistic, period));
    }
    default:
      return assertNever(node, 'expression');
  }
}

/** `[a, b, ...]`: series and the members of arrays, in order; scalars are refused. */
async function flatten(items: readonly MathExpr[], state: EvalState): Promise<TimeSeries[]> {
  const out: TimeSeries[] = [];
  for (const item of items) {
    const value = await evaluateNode(item, state);
    if (value.kind === 'scalar') return failAt(state, item)(`An array can only contain time series, got ${describe(value)}`);
    if (value.kind === 'series') out.push(value.series);
    else out.push(...value.series);
  }
  return out;
}
