import type { InsightsQuery, MathDataSource, SearchQuery, TimeSeries } from '../index.js';
import {
  INSIGHTS_STATISTIC,
  insightsGroupKey,
  insightsGroupLabel,
  matchesInsightsQuery,
  matchesSearch,
  orderInsightsGroups,
} from '../index.js';
import type { GoldenCase } from './golden-cases.js';
import { isMetricKey, parseMetricLine } from './golden-cases.js';

/**
 * A MathDataSource built from a golden case, standing in for the metrics service:
 * - `m1: 1 - 3` is a MetricStat query (in METRICS()), one value per period from the start, `-` for no point;
 * - `result e1: ...` is another expression's result (not in METRICS()); `result s1[a]: ...` lines make an array;
 * - `catalog: ns | name | dims | values` are stored metrics for SEARCH and Metrics Insights, whose points count as
 *   single observations, so the Insights aggregation is computed over the matching metrics at each timestamp.
 */
export function fixtureSource(c: GoldenCase, start: number, period: number): MathDataSource {
  const series = new Map<string, TimeSeries | TimeSeries[]>();
  const metricIds: string[] = [];
  const catalog: { metric: ReturnType<typeof parseMetricLine>; series: TimeSeries }[] = [];
  for (const [key, value] of c.entries) {
    const member = /^result ([a-z]\w*)\[(.*)\]$/.exec(key);
    if (isMetricKey(key)) {
      metricIds.push(key);
      series.set(key, { ...gridSeries(key, value, start, period), periodSeconds: period });
    } else if (member !== null) {
      const [, id = '', label = ''] = member;
      const list = series.get(id);
      const members = Array.isArray(list) ? list : [];
      series.set(id, [...members, gridSeries(label, value, start, period)]);
    } else if (key.startsWith('result ')) {
      series.set(key.slice('result '.length), gridSeries(key.slice('result '.length), value, start, period));
    } else if (key === 'catalog') {
      const parts = value.split(/\s*\|\s*/);
      const metric = parseMetricLine(parts.slice(0, 3).join(' | '));
      catalog.push({ metric, series: gridSeries(labelOf(metric), parts[3] ?? '', start, period) });
    }
  }
  return {
    metricIds,
    series: (id) => series.get(id),
    search: async (query: SearchQuery) => catalog.filter((m) => matchesSearch(query, m.metric)).map((m) => m.series),
    insights: async (query: InsightsQuery) => runInsights(query, catalog),
  };
}

export function gridSeries(label: string, text: string, start: number, period: number): TimeSeries {
  const timestamps: number[] = [];
  const values: number[] = [];
  text.trim().split(/\s+/).forEach((token, i) => {
    if (token === '-' || token === '') return;
    timestamps.push(start + i * period * 1000);
    values.push(Number(token));
  });
  return { label, timestamps, values };
}

function labelOf(metric: ReturnType<typeof parseMetricLine>): string {
  return [metric.metricName, ...metric.dimensions.map((d) => d.value)].join(' ');
}

function runInsights(query: InsightsQuery, catalog: { metric: ReturnType<typeof parseMetricLine>; series: TimeSeries }[]) {
  const groups = new Map<string, { key: readonly string[]; members: TimeSeries[] }>();
  for (const entry of catalog.filter((m) => matchesInsightsQuery(query, m.metric))) {
    const key = insightsGroupKey(query, entry.metric.dimensions);
    const group = groups.get(JSON.stringify(key)) ?? { key, members: [] };
    group.members.push(entry.series);
    groups.set(JSON.stringify(key), group);
  }
  const aggregated = [...groups.values()].map(({ key, members }) => {
    const byTime = new Map<number, number[]>();
    for (const s of members) s.timestamps.forEach((t, i) => byTime.set(t, [...(byTime.get(t) ?? []), s.values[i] ?? 0]));
    const timestamps = [...byTime.keys()].sort((a, b) => a - b);
    const values = timestamps.map((t) => statistic(INSIGHTS_STATISTIC[query.aggregation], byTime.get(t) ?? []));
    const label = key.length === 0 ? query.metricName : insightsGroupLabel(key);
    return { key, series: { label, timestamps, values } };
  });
  return orderInsightsGroups(query, aggregated).map((g) => g.series);
}

function statistic(name: string, values: number[]): number {
  const sum = values.reduce((a, b) => a + b, 0);
  if (name === 'Average') return sum / values.length;
  if (name === 'SampleCount') return values.length;
  if (name === 'Maximum') return Math.max(...values);
  if (name === 'Minimum') return Math.min(...values);
  return sum;
}
