import type { CallExpr, MathExpr } from '../math/ast.js';
import { TIME_PART_FUNCTIONS } from '../math/function-table.js';
import { MetricMathError } from '../metric-math-error.js';
import type { Reducer } from './aggregate.js';
import { aggregate, datapointCount } from './aggregate.js';
import { pick, removeEmpty, sliceSeries, sortSeries } from './array-functions.js';
import type { Filler } from './fill.js';
import { fill } from './fill.js';
import { ifFunction } from './if-function.js';
import type { EvalState, Fail } from './state.js';
import { arrayArg, lookup, perSeries, scalarArg, seriesArg, seriesOrArray } from './state.js';
import { constantSeries, timePartSeries } from './time-functions.js';
import { consecutive, pointwise, runningSum } from './transform.js';
import type { MathValue } from './value.js';
import { array, scalar, single } from './value.js';

/** Why a real AWS function is refused here; evaluated lazily so parsing still accepts AWS's full grammar. */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  ANOMALY_DETECTION_BAND: 'ANOMALY_DETECTION_BAND is not yet supported: anomaly detection models are not available',
  INSIGHT_RULE_METRIC: 'INSIGHT_RULE_METRIC is not supported: Contributor Insights rules are not available',
  SERVICE_QUOTA: 'SERVICE_QUOTA is not supported: Service Quotas are not available',
  LAMBDA: 'LAMBDA is not supported: Lambda data sources are not available',
  DB_PERF_INSIGHTS: 'DB_PERF_INSIGHTS is not supported: Performance Insights is not available',
};

export async function callFunction(node: CallExpr, state: EvalState, fail: Fail): Promise<MathValue> {
  const { name, args } = node;
  const reason = UNSUPPORTED[name];
  if (reason !== undefined) throw new MetricMathError(reason, state.positions.get(node) ?? 0, 'unsupported');
  const arg = (i: number): Promise<MathValue> => state.evaluate(args[i] as MathExpr);
  const tracker = state.tracker;
  switch (name) {
    case 'AVG': case 'MIN': case 'MAX': case 'SUM': case 'STDDEV':
      return aggregate(name as Reducer, await arg(0), tracker, fail);
    case 'DATAPOINT_COUNT':
      return datapointCount(await arg(0), tracker, fail);
    case 'ABS': case 'CEIL': case 'FLOOR': case 'LOG': case 'LOG10': case 'SQRT':
      return perSeries(seriesOrArray(await arg(0), name, fail), (s) => pointwise(name, s, tracker));
    case 'DIFF': case 'DIFF_TIME': case 'RATE':
      return perSeries(seriesOrArray(await arg(0), name, fail), (s) => consecutive(name, s, tracker));
    case 'RUNNING_SUM':
      return perSeries(seriesOrArray(await arg(0), name, fail), (s) => runningSum(s, tracker));
    case 'FILL': {
      const filler = await fillerOf(args[1] as MathExpr, state, fail);
      return perSeries(seriesOrArray(await arg(0), name, fail), (s) => fill(s, filler, state.ctx, tracker));
    }
    case 'IF':
      return ifFunction(await arg(0), await arg(1), args.length > 2 ? await arg(2) : undefined, tracker, fail);
    case 'METRICS':
      return metrics(args[0], state, fail);
    case 'FIRST': case 'LAST':
      return single(pick(arrayArg(await arg(0), name, fail), name));
    case 'REMOVE_EMPTY':
      return array(removeEmpty(arrayArg(await arg(0), name, fail)));
    case 'METRIC_COUNT':
      return scalar(arrayArg(await arg(0), name, fail).length);
    case 'SLICE': {
      const members = arrayArg(await arg(0), name, fail);
      const end = args.length > 2 ? scalarArg(await arg(2), name, fail) : undefined;
      return array(sliceSeries(members, scalarArg(await arg(1), name, fail), end, fail));
    }
    case 'SORT': {
      const by = keyword(args[1], ['AVG', 'MIN', 'MAX', 'SUM'], 'SORT', fail) as Reducer;
      const order = keyword(args[2], ['ASC', 'DESC'], 'SORT', fail) as 'ASC' | 'DESC';
      const limit = args.length > 3 ? scalarArg(await arg(3), name, fail) : undefined;
      return array(sortSeries(arrayArg(await arg(0), name, fail), by, order, limit, fail));
    }
    case 'PERIOD':
      return period(args[0] as MathExpr, state, fail);
    case 'TIME_SERIES':
      return single(constantSeries(scalarArg(await arg(0), name, fail), state.ctx, tracker));
    default:
      if ((TIME_PART_FUNCTIONS as readonly string[]).includes(name)) {
        return single(timePartSeries(name, seriesArg(await arg(0), name, fail), state.ctx, tracker));
      }
      return fail(`Unknown function "${name}"`);
  }
}

async function fillerOf(node: MathExpr, state: EvalState, fail: Fail): Promise<Filler> {
  if (node.kind === 'keyword') return node.name === 'REPEAT' ? { kind: 'repeat' } : { kind: 'linear' };
  const value = await state.evaluate(node);
  if (value.kind === 'scalar') return { kind: 'value', value: value.value };
  if (value.kind === 'series') return { kind: 'series', series: value.series };
  return fail('FILL takes a number, a time series, REPEAT or LINEAR as its second argument');
}

function keyword(node: MathExpr | undefined, allowed: readonly string[], fn: string, fail: Fail): string {
  if (node?.kind === 'keyword' && allowed.includes(node.name)) return node.name;
  return fail(`${fn} expects one of ${allowed.join(', ')} here`);
}

/** METRICS() / METRICS('text'): the MetricStat queries of the request (never expressions) whose Id contains text. */
function metrics(filter: MathExpr | undefined, state: EvalState, fail: Fail): MathValue {
  if (filter !== undefined && filter.kind !== 'string') return fail('METRICS takes an optional quoted string');
  const text = filter?.value ?? '';
  const ids = state.ctx.source.metricIds.filter((id) => id.includes(text));
  return array(ids.flatMap((id) => {
    const value = lookup(id, state, fail);
    return value.kind === 'scalar' ? [] : value.kind === 'series' ? [value.series] : value.series;
  }));
}

/** PERIOD(m1): the period of a metric (AWS: "Valid input is metrics, not the results of other expressions"). */
function period(node: MathExpr, state: EvalState, fail: Fail): MathValue {
  if (node.kind !== 'ref' || !state.ctx.source.metricIds.includes(node.id)) {
    return fail('PERIOD accepts only the Id of a metric, not the result of an expression');
  }
  const value = lookup(node.id, state, fail);
  const seconds = value.kind === 'series' ? value.series.periodSeconds : undefined;
  return scalar(seconds ?? state.ctx.periodSeconds);
}
