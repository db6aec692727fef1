import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DAY_MS, OTHER_ACCOUNT, OTHER_REGION, SCOPE, T0, appendOk, createGroupWithStreams, makeEvents, newGroup, readAll, utf8Bytes, type ContractContext } from './log-store-contract-support.js';

/** storedBytes, retention, isolation between scopes, cascading deletes, reset and deletes racing appends. */
export function lifecycleContract(ctx: ContractContext): void {
  const storedBytes = async (group: string, scope = SCOPE): Promise<number | undefined> => (await ctx.store.getLogGroup(scope, group))?.storedBytes;

  it('counts UTF-8 message bytes in storedBytes, and gives them back when a stream goes', async () => {
    await createGroupWithStreams(ctx.store, SCOPE, '/g', ['a', 'b']);
    const a = ['ascii', 'é', '😀 emoji', '中文'];
    const b = ['x'.repeat(1000)];
    await appendOk(ctx.store, SCOPE, ['/g', 'a'], a.map((message, index) => ({ timestamp: T0 + index, message })));
    await appendOk(ctx.store, SCOPE, ['/g', 'b'], b.map((message) => ({ timestamp: T0, message })));
    assert.equal(await storedBytes('/g'), utf8Bytes([...a, ...b]));
    assert.equal(await ctx.store.deleteLogStream(SCOPE, '/g', 'a'), 'deleted');
    assert.equal(await storedBytes('/g'), utf8Bytes(b));
  });

  it('purges events older than their group’s retention, and only those', async () => {
    const now = T0 + 30 * DAY_MS;
    await createGroupWithStreams(ctx.store, SCOPE, '/one-day', ['s']);
    await createGroupWithStreams(ctx.store, SCOPE, '/week', ['s']);
    await createGroupWithStreams(ctx.store, SCOPE, '/forever', ['s']);
    await createGroupWithStreams(ctx.store, OTHER_ACCOUNT, '/one-day', ['s']);
    await ctx.store.updateLogGroup(SCOPE, '/one-day', { retentionInDays: 1 });
    await ctx.store.updateLogGroup(SCOPE, '/week', { retentionInDays: 7 });
    await ctx.store.updateLogGroup(OTHER_ACCOUNT, '/one-day', { retentionInDays: 7 });
    // Ages: 10 days, exactly 7 days, 2 days, exactly 1 day, 1 hour.
    const ages = [10 * DAY_MS, 7 * DAY_MS, 2 * DAY_MS, DAY_MS, DAY_MS / 24];
    // Every other one an invocation record, which an adapter may store apart (DuckDB does).
    const events = ages.map((age, index) => ({
      timestamp: now - age,
      message: index % 2 === 0 ? JSON.stringify({ schemaType: 'ModelInvocationLog', requestId: `age ${age / DAY_MS}` }) : `age ${age / DAY_MS}`,
    }));
    for (const [scope, group] of [[SCOPE, '/one-day'], [SCOPE, '/week'], [SCOPE, '/forever'], [OTHER_ACCOUNT, '/one-day']] as const) {
      await appendOk(ctx.store, scope, [group, 's'], events);
    }
    assert.equal(await ctx.store.purgeExpired(now), 3 + 1 + 1);
    const left = async (scope: typeof SCOPE, group: string): Promise<number[]> =>
      (await readAll(ctx.store, scope, [group, 's'])).map((event) => now - event.timestamp);
    assert.deepEqual(await left(SCOPE, '/one-day'), [DAY_MS, DAY_MS / 24], 'an event exactly at the cutoff is kept');
    assert.deepEqual(await left(SCOPE, '/week'), [7 * DAY_MS, 2 * DAY_MS, DAY_MS, DAY_MS / 24]);
    assert.deepEqual(await left(OTHER_ACCOUNT, '/one-day'), [7 * DAY_MS, 2 * DAY_MS, DAY_MS, DAY_MS / 24]);
    assert.equal((await left(SCOPE, '/forever')).length, 5);
    assert.equal(await storedBytes('/one-day'), utf8Bytes(events.slice(3).map((event) => event.message)));
    assert.equal(await storedBytes('/forever'), utf8Bytes(events.map((event) => event.message)));
    assert.equal(await ctx.store.purgeExpired(now), 0, 'nothing left to purge');
  });

  it('keeps accounts and regions apart', async () => {
    for (const scope of [SCOPE, OTHER_ACCOUNT, OTHER_REGION]) {
      await createGroupWithStreams(ctx.store, scope, '/shared', ['s']);
      await appendOk(ctx.store, scope, ['/shared', 's'], makeEvents(1, { label: scope.accountId + scope.region }));
      await ctx.store.putMetricFilter(scope, { logGroupName: '/shared', filterName: 'f', filterPattern: '', metricTransformations: [], creationTime: T0, applyOnTransformedLogs: false });
    }
    await createGroupWithStreams(ctx.store, OTHER_ACCOUNT, '/only-other', ['s']);
    assert.deepEqual((await ctx.store.listLogGroups(SCOPE, { limit: 50 })).map((g) => g.logGroupName), ['/shared']);
    assert.equal(await ctx.store.getLogGroup(SCOPE, '/only-other'), undefined);
    assert.deepEqual(await ctx.store.append(SCOPE, '/only-other', 's', makeEvents(1), T0), { kind: 'no-group' });
    for (const scope of [SCOPE, OTHER_ACCOUNT, OTHER_REGION]) {
      const events = await ctx.store.scanEvents(scope, '/shared', { descending: false, limit: 10 });
      assert.deepEqual(events.map((event) => event.message), [`${scope.accountId + scope.region} 0`]);
    }
    assert.deepEqual((await ctx.store.listMetricFilters(SCOPE, { limit: 10 })).map((f) => f.logGroupName), ['/shared']);
    assert.equal(await ctx.store.deleteLogGroup(OTHER_REGION, '/shared'), 'deleted');
    assert.deepEqual(await ctx.store.listMetricFilters(OTHER_REGION, { limit: 10 }), []);
    for (const scope of [SCOPE, OTHER_ACCOUNT]) {
      assert.equal((await readAll(ctx.store, scope, ['/shared', 's'])).length, 1);
      assert.equal((await ctx.store.getLogGroup(scope, '/shared'))?.metricFilterCount, 1);
    }
  });

  it('deletes a group with its streams, events and metric filters', async () => {
    await createGroupWithStreams(ctx.store, SCOPE, '/g', ['a', 'b']);
    await appendOk(ctx.store, SCOPE, ['/g', 'a'], makeEvents(20));
    await ctx.store.putMetricFilter(SCOPE, { logGroupName: '/g', filterName: 'f', filterPattern: 'x', metricTransformations: [], creationTime: T0, applyOnTransformedLogs: false });
    assert.equal(await ctx.store.deleteLogGroup(SCOPE, '/g'), 'deleted');
    assert.equal(await ctx.store.listLogStreams(SCOPE, '/g', { orderBy: 'LogStreamName', descending: false, limit: 10 }), 'no-group');
    assert.deepEqual(await ctx.store.append(SCOPE, '/g', 'a', makeEvents(1), T0), { kind: 'no-group' });
    await ctx.store.createLogGroup(SCOPE, newGroup('/g'));
    assert.deepEqual(await ctx.store.listLogStreams(SCOPE, '/g', { orderBy: 'LogStreamName', descending: false, limit: 10 }), []);
    assert.deepEqual(await ctx.store.scanEvents(SCOPE, '/g', { descending: false, limit: 10 }), []);
    assert.deepEqual(await ctx.store.listMetricFilters(SCOPE, { limit: 10 }), []);
    assert.equal(await storedBytes('/g'), 0);
    assert.equal((await ctx.store.getLogGroup(SCOPE, '/g'))?.metricFilterCount, 0);
  });

  it('never leaves events behind when an append races a stream delete', async () => {
    await createGroupWithStreams(ctx.store, SCOPE, '/g', ['s']);
    await appendOk(ctx.store, SCOPE, ['/g', 's'], makeEvents(2));
    const [deleted, appended] = await Promise.all([
      ctx.store.deleteLogStream(SCOPE, '/g', 's'),
      ctx.store.append(SCOPE, '/g', 's', makeEvents(3, { label: 'racing' }), T0),
    ]);
    assert.equal(deleted, 'deleted');
    assert.ok(appended.kind === 'no-stream' || appended.kind === 'appended', `unexpected ${appended.kind}`);
    assert.deepEqual(await ctx.store.append(SCOPE, '/g', 's', makeEvents(1), T0), { kind: 'no-stream' });
    await ctx.store.createLogStream(SCOPE, '/g', 's', T0);
    assert.deepEqual(await readAll(ctx.store, SCOPE, ['/g', 's']), []);
    assert.equal(await storedBytes('/g'), 0);
  });

  it('reset wipes every account and region', async () => {
    for (const scope of [SCOPE, OTHER_ACCOUNT, OTHER_REGION]) {
      await createGroupWithStreams(ctx.store, scope, '/g', ['s']);
      await appendOk(ctx.store, scope, ['/g', 's'], makeEvents(3));
    }
    await ctx.storage.reset();
    for (const scope of [SCOPE, OTHER_ACCOUNT, OTHER_REGION]) {
      assert.deepEqual(await ctx.store.listLogGroups(scope, { limit: 10 }), []);
      assert.deepEqual(await ctx.store.append(scope, '/g', 's', makeEvents(1), T0), { kind: 'no-group' });
    }
    await createGroupWithStreams(ctx.store, SCOPE, '/g', ['s']);
    assert.deepEqual(await readAll(ctx.store, SCOPE, ['/g', 's']), []);
    assert.equal(await storedBytes('/g'), 0);
  });
}
