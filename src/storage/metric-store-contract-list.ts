import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DAY_MS, HOUR_MS, OTHER_ACCOUNT, OTHER_REGION, SCOPE, T0, datum, metric, periods, type MetricContractContext } from './metric-store-contract-support.js';
import type { ListMetricsQuery, MetricIdentity, MetricStore } from './metric-store.js';
import type { Scope } from './scope.js';

const EVER = Number.NEGATIVE_INFINITY;

function names(metrics: readonly MetricIdentity[]): string[] {
  return metrics.map((m) => [m.namespace, m.metricName, ...m.dimensions.map((d) => `${d.name}=${d.value}`)].join(' '));
}

async function listAll(store: MetricStore, query: Omit<ListMetricsQuery, 'limit' | 'after'>, limit: number, scope: Scope = SCOPE): Promise<string[]> {
  const all: string[] = [];
  let after: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await store.listMetrics(scope, { ...query, limit, ...(after === undefined ? {} : { after }) });
    assert.ok(result.metrics.length <= limit);
    all.push(...names(result.metrics));
    if (result.nextCursor === undefined) return all;
    after = result.nextCursor;
  }
  throw new Error('listMetrics never ended');
}

/** Filters, ASCII order, paging, activity windows and isolation by account and region. */
export function metricListContract(ctx: MetricContractContext): void {
  const seed = async (): Promise<void> => {
    await ctx.store.putMetricData(SCOPE, [
      datum(metric('Invocations', { ModelId: 'b' }, 'AWS/Bedrock'), T0, 1),
      datum(metric('Invocations', { ModelId: 'a' }, 'AWS/Bedrock'), T0, 1),
      datum(metric('Invocations', {}, 'AWS/Bedrock'), T0, 1),
      datum(metric('InputTokenCount', { ModelId: 'a', Region: 'x' }, 'AWS/Bedrock'), T0, 1),
      datum(metric('Errors', { Service: 's' }, 'App'), T0, 1),
      datum(metric('Errors', { Service: 's' }, 'App'), T0, 2, { unit: 'Count' }),
      datum(metric('errors', {}, 'App'), T0, 1),
      datum(metric('Old', {}, 'App'), T0 - 20 * DAY_MS, 1),
    ]);
  };

  it('lists metrics once each, in ASCII order, page by page', async () => {
    await seed();
    const expected = [
      'AWS/Bedrock InputTokenCount ModelId=a Region=x',
      'AWS/Bedrock Invocations',
      'AWS/Bedrock Invocations ModelId=a',
      'AWS/Bedrock Invocations ModelId=b',
      'App Errors Service=s',
      'App Old',
      'App errors',
    ];
    assert.deepEqual(await listAll(ctx.store, { activeSince: EVER }, 500), expected);
    for (const limit of [1, 2, 3]) assert.deepEqual(await listAll(ctx.store, { activeSince: EVER }, limit), expected);
    assert.deepEqual(names(await ctx.store.allMetrics(SCOPE, { activeSince: EVER, namespace: 'App' })), expected.slice(4));
  });

  it('filters by namespace, name, dimension name and dimension value', async () => {
    await seed();
    const list = (query: Omit<ListMetricsQuery, 'limit' | 'after' | 'activeSince'>): Promise<string[]> => listAll(ctx.store, { ...query, activeSince: EVER }, 500);
    assert.deepEqual(await list({ namespace: 'AWS/Bedrock', metricName: 'Invocations' }), ['AWS/Bedrock Invocations', 'AWS/Bedrock Invocations ModelId=a', 'AWS/Bedrock Invocations ModelId=b']);
    assert.deepEqual(await list({ dimensions: [{ name: 'ModelId' }] }), ['AWS/Bedrock InputTokenCount ModelId=a Region=x', 'AWS/Bedrock Invocations ModelId=a', 'AWS/Bedrock Invocations ModelId=b']);
    assert.deepEqual(await list({ dimensions: [{ name: 'ModelId', value: 'a' }, { name: 'Region' }] }), ['AWS/Bedrock InputTokenCount ModelId=a Region=x']);
    assert.deepEqual(await list({ metricName: 'Missing' }), []);
  });

  it('lists only metrics active since the given time', async () => {
    await seed();
    const recent = await listAll(ctx.store, { activeSince: T0 - 14 * DAY_MS, namespace: 'App' }, 500);
    assert.deepEqual(recent, ['App Errors Service=s', 'App errors']);
    await ctx.store.putMetricData(SCOPE, [datum(metric('errors', {}, 'App'), T0 + 4 * HOUR_MS, 1)]);
    assert.deepEqual(await listAll(ctx.store, { activeSince: T0 + HOUR_MS }, 500), ['App errors']);
  });

  it('isolates accounts and regions', async () => {
    await seed();
    const target = metric('Invocations', {}, 'AWS/Bedrock');
    await ctx.store.putMetricData(OTHER_ACCOUNT, [datum(target, T0, 50)]);
    assert.deepEqual(await listAll(ctx.store, { activeSince: EVER }, 10, OTHER_ACCOUNT), ['AWS/Bedrock Invocations']);
    assert.deepEqual(await listAll(ctx.store, { activeSince: EVER }, 10, OTHER_REGION), []);
    const window = { start: T0, end: T0 + HOUR_MS, periodSeconds: 3600 };
    assert.equal((await periods(ctx.store, target, { ...window, scope: OTHER_ACCOUNT }))[0]?.sum, 50);
    assert.equal((await periods(ctx.store, target, window))[0]?.sum, 1);
    assert.deepEqual(await periods(ctx.store, target, { ...window, scope: OTHER_REGION }), []);
  });
}
