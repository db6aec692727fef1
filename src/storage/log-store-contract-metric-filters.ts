import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { ListMetricFiltersQuery, MetricFilterRecord } from './log-store.js';
import { SCOPE, T0, createGroupWithStreams, type ContractContext } from './log-store-contract-support.js';

function filter(logGroupName: string, filterName: string, overrides: Partial<MetricFilterRecord> = {}): MetricFilterRecord {
  return {
    logGroupName,
    filterName,
    filterPattern: 'ERROR',
    metricTransformations: [{ metricName: 'Errors', metricNamespace: 'App', metricValue: '1' }],
    creationTime: T0,
    applyOnTransformedLogs: false,
    ...overrides,
  };
}

/** Metric filters: create/replace, round trip of every field, listing filters and paging, delete, group count. */
export function metricFilterContract(ctx: ContractContext): void {
  const list = async (query: Partial<ListMetricFiltersQuery>): Promise<string[]> =>
    (await ctx.store.listMetricFilters(SCOPE, { limit: 50, ...query })).map((f) => `${f.logGroupName}:${f.filterName}`);

  it('creates, replaces and round-trips every field', async () => {
    await createGroupWithStreams(ctx.store, SCOPE, '/g');
    const full = filter('/g', 'f1', {
      filterPattern: '{ $.status = 500 }',
      metricTransformations: [{ metricName: 'Fives', metricNamespace: 'Web', metricValue: '$.latency', defaultValue: 0, dimensions: { Path: '$.path' }, unit: 'Milliseconds' }],
      applyOnTransformedLogs: true,
      fieldSelectionCriteria: '$.status IN [500]',
      emitSystemFieldDimensions: ['@aws.account', '@aws.region'],
    });
    assert.equal(await ctx.store.putMetricFilter(SCOPE, full), 'created');
    assert.deepEqual(await ctx.store.listMetricFilters(SCOPE, { logGroupName: '/g', limit: 50 }), [full]);
    const replacement = filter('/g', 'f1', { filterPattern: 'WARN', creationTime: T0 + 1 });
    assert.equal(await ctx.store.putMetricFilter(SCOPE, replacement), 'replaced');
    assert.deepEqual(await ctx.store.listMetricFilters(SCOPE, { logGroupName: '/g', limit: 50 }), [replacement]);
    assert.equal(await ctx.store.putMetricFilter(SCOPE, filter('/missing', 'f')), 'no-group');
  });

  it('lists a group’s filters as of its last change, whatever was listed before', async () => {
    await createGroupWithStreams(ctx.store, SCOPE, '/changing');
    assert.deepEqual(await list({ logGroupName: '/changing' }), []);
    await ctx.store.putMetricFilter(SCOPE, filter('/changing', 'b'));
    assert.deepEqual(await list({ logGroupName: '/changing' }), ['/changing:b']);
    await ctx.store.putMetricFilter(SCOPE, filter('/changing', 'a'));
    assert.deepEqual(await list({ logGroupName: '/changing', limit: 1 }), ['/changing:a']);
    assert.deepEqual(await list({ logGroupName: '/changing' }), ['/changing:a', '/changing:b']);
    assert.equal(await ctx.store.deleteMetricFilter(SCOPE, '/changing', 'a'), 'deleted');
    assert.deepEqual(await list({ logGroupName: '/changing' }), ['/changing:b']);
    assert.equal(await ctx.store.deleteLogGroup(SCOPE, '/changing'), 'deleted');
    await createGroupWithStreams(ctx.store, SCOPE, '/changing');
    assert.deepEqual(await list({ logGroupName: '/changing' }), [], 'a recreated group starts without filters');
  });

  it('counts filters on the group and deletes them', async () => {
    await createGroupWithStreams(ctx.store, SCOPE, '/g');
    await ctx.store.putMetricFilter(SCOPE, filter('/g', 'a'));
    await ctx.store.putMetricFilter(SCOPE, filter('/g', 'b'));
    await ctx.store.putMetricFilter(SCOPE, filter('/g', 'a'));
    assert.equal((await ctx.store.getLogGroup(SCOPE, '/g'))?.metricFilterCount, 2);
    assert.equal((await ctx.store.listLogGroups(SCOPE, { limit: 10 }))[0]?.metricFilterCount, 2);
    assert.equal(await ctx.store.deleteMetricFilter(SCOPE, '/g', 'a'), 'deleted');
    assert.equal(await ctx.store.deleteMetricFilter(SCOPE, '/g', 'a'), 'no-filter');
    assert.equal(await ctx.store.deleteMetricFilter(SCOPE, '/missing', 'a'), 'no-group');
    assert.equal((await ctx.store.getLogGroup(SCOPE, '/g'))?.metricFilterCount, 1);
    assert.deepEqual(await list({}), ['/g:b']);
  });

  it('lists by (group, filter name) with group, prefix and metric filters, and pages', async () => {
    await createGroupWithStreams(ctx.store, SCOPE, '/b');
    await createGroupWithStreams(ctx.store, SCOPE, '/a');
    await ctx.store.putMetricFilter(SCOPE, filter('/b', 'errors'));
    await ctx.store.putMetricFilter(SCOPE, filter('/a', 'latency', { metricTransformations: [{ metricName: 'Latency', metricNamespace: 'App', metricValue: '$.ms' }] }));
    await ctx.store.putMetricFilter(SCOPE, filter('/a', 'errors-5xx', { metricTransformations: [{ metricName: 'Errors', metricNamespace: 'Edge', metricValue: '1' }] }));
    await ctx.store.putMetricFilter(SCOPE, filter('/a', 'Errors'));
    assert.deepEqual(await list({}), ['/a:Errors', '/a:errors-5xx', '/a:latency', '/b:errors']);
    assert.deepEqual(await list({ logGroupName: '/a', filterNamePrefix: 'errors' }), ['/a:errors-5xx']);
    assert.deepEqual(await list({ metricName: 'Errors' }), ['/a:Errors', '/a:errors-5xx', '/b:errors']);
    assert.deepEqual(await list({ metricName: 'Errors', metricNamespace: 'App' }), ['/a:Errors', '/b:errors']);
    assert.deepEqual(await list({ metricName: 'Errors', limit: 1 }), ['/a:Errors']);
    assert.deepEqual(await list({ metricName: 'Errors', after: { logGroupName: '/a', filterName: 'Errors' } }), ['/a:errors-5xx', '/b:errors']);
    const seen: string[] = [];
    let after: ListMetricFiltersQuery['after'];
    for (;;) {
      const page = await ctx.store.listMetricFilters(SCOPE, { limit: 3, ...(after === undefined ? {} : { after }) });
      seen.push(...page.map((f) => `${f.logGroupName}:${f.filterName}`));
      const last = page.at(-1);
      if (page.length < 3 || last === undefined) break;
      after = { logGroupName: last.logGroupName, filterName: last.filterName };
    }
    assert.deepEqual(seen, ['/a:Errors', '/a:errors-5xx', '/a:latency', '/b:errors']);
  });
}
