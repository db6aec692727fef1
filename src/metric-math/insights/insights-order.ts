import type { TimeSeries } from '../eval/value.js';
import type { InsightsFunction, InsightsQuery } from './insights-ast.js';
import { MAX_INSIGHTS_LIMIT } from './insights-parser.js';

/** One GROUP BY group's aggregated series, keyed by its GROUP BY values. */
export interface InsightsGroup {
  readonly key: readonly string[];
  readonly series: TimeSeries;
}

/**
 * The groups a Metrics Insights query returns, in order (AWS, querylanguage page):
 * - without ORDER BY, "alphabetical ascending order, using the sequence of labels specified in the GROUP BY clause";
 * - with ORDER BY FUNC() ASC|DESC, by that function of each series' points (ties and series without points keep the
 *   alphabetical order, points-less series last);
 * - at most LIMIT series, and never more than 500.
 */
export function orderInsightsGroups(query: InsightsQuery, groups: readonly InsightsGroup[]): InsightsGroup[] {
  const alphabetical = [...groups].sort((a, b) => compareKeys(a.key, b.key));
  const order = query.orderBy;
  const ordered =
    order === undefined
      ? alphabetical
      : alphabetical
          .map((group, index) => ({ group, index, value: seriesStatistic(order.function, group.series.values) }))
          .sort((a, b) => {
            if (a.value === undefined || b.value === undefined) {
              return a.value === b.value ? a.index - b.index : a.value === undefined ? 1 : -1;
            }
            const diff = order.direction === 'ASC' ? a.value - b.value : b.value - a.value;
            return diff !== 0 ? diff : a.index - b.index;
          })
          .map((entry) => entry.group);
  return ordered.slice(0, Math.min(query.limit ?? MAX_INSIGHTS_LIMIT, MAX_INSIGHTS_LIMIT));
}

/** The ORDER BY function over one series' points (COUNT counts them); undefined for a series without points. */
export function seriesStatistic(fn: InsightsFunction, values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sum = values.reduce((a, b) => a + b, 0);
  switch (fn) {
    case 'AVG':
      return sum / values.length;
    case 'COUNT':
      return values.length;
    case 'MAX':
      return Math.max(...values);
    case 'MIN':
      return Math.min(...values);
    case 'SUM':
      return sum;
  }
}

/** The label of a group's series: its GROUP BY values joined by a space [unconfirmed: AWS's exact format]. */
export function insightsGroupLabel(key: readonly string[]): string {
  return key.join(' ');
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
