import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AggregateMetricsQuery, MetricPeriodAggregate, MetricStore } from '../../storage/index.js';
import type { PlannedStat } from './metric-data-queries.js';
import { prefetchStats } from './stat-prefetch.js';
import { parseStat } from './stat-statistic.js';

const SCOPE = { accountId: '123456789012', region: 'us-east-1' };

/** A store that answers each selector with one period whose sum is the metric's name length, and counts reads. */
function countingStore(): { store: MetricStore; reads: AggregateMetricsQuery[] } {
  const reads: AggregateMetricsQuery[] = [];
  const store = {
    aggregate: async (_scope: unknown, query: AggregateMetricsQuery): Promise<MetricPeriodAggregate[][]> => {
      reads.push(query);
      return query.metrics.map((s) => [{ timestamp: query.start, unit: 'None', sampleCount: 2, sum: s.metric.metricName.length, minimum: 0, maximum: 9 }]);
    },
  } as unknown as MetricStore;
  return { store, reads };
}

const plan = (id: string, metricName: string, stat: PlannedStat['stat'], periodSeconds = 60): PlannedStat => ({
  kind: 'stat', id, returnData: true, periodSeconds, metric: { namespace: 'NS', metricName, dimensions: [] }, stat,
});

describe('prefetchStats', () => {
  it('reads queries sharing window, period, unit and statistic in one aggregate call, keyed by id', async () => {
    const { store, reads } = countingStore();
    const window = { start: 0, end: 600_000 };
    const sum = parseStat('Sum')!;
    const max = parseStat('Maximum')!;
    const out = await prefetchStats(store, SCOPE, [
      { plan: plan('a', 'x', sum), window }, { plan: plan('b', 'yy', sum), window }, { plan: plan('c', 'zzz', max), window },
      { plan: plan('d', 'x', sum, 300), window },
    ]);
    assert.equal(reads.length, 3);
    assert.deepEqual(reads.map((r) => [r.periodSeconds, r.metrics.map((m) => m.metric.metricName)]), [[60, ['x', 'yy']], [60, ['zzz']], [300, ['x']]]);
    assert.deepEqual([...out.entries()].map(([id, s]) => [id, s.values]).sort(), [['a', [1]], ['b', [2]], ['c', [9]], ['d', [1]]]);
  });
});
