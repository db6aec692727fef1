import type { DuckDBConnection } from '@duckdb/node-api';
import { callCloudWatch } from './cloudwatch-requests.js';
import { NAMESPACE, type PointLayout, DAY_MS } from './metric-points.js';
import type { Endpoint } from './signed-client.js';

/** What a query returned, reduced so both sides compare: how many points, their sum, and the first value. */
export interface SeriesResult {
  readonly points: number;
  readonly sum: number;
  readonly first: number;
}

interface MetricDataOutput {
  readonly MetricDataResults?: ReadonlyArray<{ readonly Values?: readonly number[] }>;
  readonly NextToken?: string;
}

/** GetMetricData paged with NextToken until the end, every value read, as a dashboard would. */
export async function serverMetricData(endpoint: Endpoint, layout: PointLayout, queries: readonly object[]): Promise<SeriesResult> {
  let points = 0;
  let sum = 0;
  let first = Number.NaN;
  let token: string | undefined;
  do {
    const out = await callCloudWatch<MetricDataOutput>(endpoint, 'GetMetricData', {
      StartTime: (layout.end - DAY_MS) / 1000, EndTime: layout.end / 1000, ScanBy: 'TimestampAscending', MetricDataQueries: queries,
      ...(token === undefined ? {} : { NextToken: token }),
    });
    for (const result of out.MetricDataResults ?? []) {
      for (const value of result.Values ?? []) {
        if (points === 0) first = value;
        points += 1;
        sum += value;
      }
    }
    token = out.NextToken;
  } while (token !== undefined);
  return { points, sum, first };
}

/** The 100 series as 100 MetricStat queries (GetMetricData takes up to 500). */
export function seriesQueries(layout: PointLayout): object[] {
  return Array.from({ length: layout.series }, (_, s) => ({
    Id: `m${s}`,
    MetricStat: { Metric: { Namespace: NAMESPACE, MetricName: 'Latency', Dimensions: [{ Name: 'Series', Value: `s${String(s).padStart(3, '0')}` }] }, Period: 60, Stat: 'Average' },
  }));
}

export const SEARCH_QUERY = [{ Id: 'search', Expression: `SEARCH('{${NAMESPACE},Series} MetricName="Latency"', 'Average', 60)` }];

export const P99_QUERY = [{
  Id: 'p99',
  MetricStat: { Metric: { Namespace: NAMESPACE, MetricName: 'FineLatency', Dimensions: [{ Name: 'Series', Value: 'fine' }] }, Period: 86_400, Stat: 'p99' },
}];

/** The hand-written DuckDB side: per-minute averages of every Latency series, read row by row. */
export async function duckdbSeries(connection: DuckDBConnection, layout: PointLayout, where: string): Promise<SeriesResult> {
  const reader = await connection.runAndReadAll(`SELECT series, ts // 60000 * 60000 AS t, avg(value) AS v FROM points
    WHERE ${where} AND ts >= ${layout.end - DAY_MS} AND ts < ${layout.end} GROUP BY series, t ORDER BY series, t`);
  let points = 0;
  let sum = 0;
  let first = Number.NaN;
  for (const row of reader.getRows()) {
    const value = Number(row[2]);
    if (points === 0) first = value;
    points += 1;
    sum += value;
  }
  return { points, sum, first };
}

export async function duckdbP99(connection: DuckDBConnection, layout: PointLayout): Promise<SeriesResult> {
  const reader = await connection.runAndReadAll(`SELECT quantile_disc(value, 0.99) FROM points
    WHERE metric = 'FineLatency' AND ts >= ${layout.end - DAY_MS} AND ts < ${layout.end}`);
  const value = Number(reader.getRows()[0]?.[0]);
  return { points: 1, sum: value, first: value };
}
