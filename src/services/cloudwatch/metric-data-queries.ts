import type { MetricDataQuery } from '../../models/cloudwatch/index.js';
import { isMetricMathError, parseQueryExpression, referencedIds, type ParsedQueryExpression } from '../../metric-math/index.js';
import type { MetricIdentity } from '../../storage/index.js';
import { expressionError, validationError } from './errors.js';
import { metricIdentity } from './metric-identity.js';
import { parseStat, type StatSpec } from './stat-statistic.js';

const MAX_QUERIES = 500;
const ID_PATTERN = /^[a-z][A-Za-z0-9_]*$/;
const HIGH_RESOLUTION_PERIODS = [1, 5, 10, 20, 30];

interface PlannedBase {
  readonly id: string;
  readonly label?: string;
  readonly returnData: boolean;
  readonly periodSeconds: number;
}
export interface PlannedStat extends PlannedBase {
  readonly kind: 'stat';
  readonly metric: MetricIdentity;
  readonly stat: StatSpec;
  readonly unit?: string;
}
export interface PlannedExpression extends PlannedBase {
  readonly kind: 'expression';
  readonly parsed: ParsedQueryExpression;
  readonly dependsOn: readonly string[];
}
export type PlannedQuery = PlannedStat | PlannedExpression;

/**
 * Checks every MetricDataQuery the way GetMetricData does before reading anything: ids (unique, starting with a
 * lowercase letter), exactly one of MetricStat and Expression, valid periods and statistics, and expressions that
 * parse. Every failure is a ValidationError naming the query by its position.
 */
export function planQueries(queries: readonly MetricDataQuery[]): PlannedQuery[] {
  if (queries.length === 0) throw validationError('The parameter MetricDataQueries must contain at least one query.');
  if (queries.length > MAX_QUERIES) throw validationError(`The collection MetricDataQueries must not have a size greater than ${MAX_QUERIES}.`);
  const ids = new Set<string>();
  const statPeriods = queries.flatMap((q) => (q.MetricStat === undefined ? [] : [q.MetricStat.Period]));
  const defaultPeriod = statPeriods.length === 0 ? 60 : Math.min(...statPeriods);
  const metricIds = queries.flatMap((q) => (q.MetricStat === undefined ? [] : [q.Id]));
  return queries.map((query, i) => {
    const at = `MetricDataQueries.member.${i + 1}`;
    if (!ID_PATTERN.test(query.Id)) {
      throw validationError(`Invalid metric data query id ${query.Id} at ${at}.Id: ids must start with a lowercase letter and contain only letters, digits and underscores.`);
    }
    if (ids.has(query.Id)) throw validationError(`The values for parameter id in MetricDataQueries are not unique: ${query.Id}.`);
    ids.add(query.Id);
    const base = { id: query.Id, returnData: query.ReturnData ?? true, ...(query.Label === undefined ? {} : { label: query.Label }) };
    if ((query.MetricStat === undefined) === (query.Expression === undefined)) {
      throw validationError(`Exactly one of MetricStat and Expression must be specified in ${at}.`);
    }
    if (query.MetricStat !== undefined) {
      const { Metric: metric, Period: period, Stat: statText, Unit: unit } = query.MetricStat;
      checkPeriod(period, `${at}.MetricStat.Period`);
      const stat = parseStat(statText);
      if (stat === undefined) throw validationError(`The value ${statText} for parameter ${at}.MetricStat.Stat is not a valid statistic.`);
      if (metric.Namespace === undefined || metric.MetricName === undefined) {
        throw validationError(`${at}.MetricStat.Metric must have a Namespace and a MetricName.`);
      }
      const identity = metricIdentity({ namespace: metric.Namespace, metricName: metric.MetricName, dimensions: metric.Dimensions ?? [], path: `${at}.MetricStat.Metric` });
      return { ...base, kind: 'stat', metric: identity, stat, periodSeconds: period, ...(unit === undefined ? {} : { unit }) };
    }
    const text = query.Expression ?? '';
    if (query.Period !== undefined) checkPeriod(query.Period, `${at}.Period`);
    let parsed: ParsedQueryExpression;
    try {
      parsed = parseQueryExpression(text);
    } catch (error) {
      if (isMetricMathError(error)) throw expressionError(query.Id, error);
      throw error;
    }
    const dependsOn = parsed.kind === 'math' ? referencedIds(parsed.ast, metricIds) : [];
    return { ...base, kind: 'expression', parsed, dependsOn, periodSeconds: query.Period ?? defaultPeriod };
  });
}

function checkPeriod(period: number, parameter: string): void {
  if (HIGH_RESOLUTION_PERIODS.includes(period) || (period > 0 && period % 60 === 0)) return;
  throw validationError(`The parameter ${parameter} must be 1, 5, 10, 20, 30 or a multiple of 60.`);
}
