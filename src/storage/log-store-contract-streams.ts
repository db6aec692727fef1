import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { ListLogStreamsQuery, LogStreamRecord } from './log-store.js';
import { SCOPE, T0, appendOk, createGroupWithStreams, makeEvents, readAll, type ContractContext } from './log-store-contract-support.js';

/** Log streams: create/exists, metadata from appends, both orders, descending, prefix, cursor paging, delete. */
export function logStreamContract(ctx: ContractContext): void {
  const names = async (query: ListLogStreamsQuery, group = '/g'): Promise<string[]> => {
    const listed = await ctx.store.listLogStreams(SCOPE, group, query);
    assert.ok(Array.isArray(listed));
    return listed.map((stream) => stream.logStreamName);
  };

  it('creates a stream once, only in an existing group', async () => {
    await createGroupWithStreams(ctx.store, SCOPE, '/g');
    assert.equal(await ctx.store.createLogStream(SCOPE, '/g', 'web-1', T0 + 7), 'created');
    assert.equal(await ctx.store.createLogStream(SCOPE, '/g', 'web-1', T0 + 8), 'exists');
    assert.equal(await ctx.store.createLogStream(SCOPE, '/missing', 'web-1', T0), 'no-group');
    assert.deepEqual(await ctx.store.getLogStream(SCOPE, '/g', 'web-1'), { logGroupName: '/g', logStreamName: 'web-1', creationTime: T0 + 7 });
    assert.equal(await ctx.store.getLogStream(SCOPE, '/g', 'WEB-1'), undefined);
    assert.equal(await ctx.store.getLogStream(SCOPE, '/missing', 'web-1'), undefined);
    assert.equal(await ctx.store.listLogStreams(SCOPE, '/missing', { orderBy: 'LogStreamName', descending: false, limit: 50 }), 'no-group');
  });

  it('tracks first/last event timestamp and last ingestion time', async () => {
    await createGroupWithStreams(ctx.store, SCOPE, '/g', ['s']);
    await appendOk(ctx.store, SCOPE, ['/g', 's'], makeEvents(3, { start: T0 + 100 }), T0 + 5000);
    await appendOk(ctx.store, SCOPE, ['/g', 's'], makeEvents(2, { start: T0 + 50 }), T0 + 6000);
    await appendOk(ctx.store, SCOPE, ['/g', 's'], makeEvents(1, { start: T0 + 90 }), T0 + 5500);
    assert.deepEqual(await ctx.store.getLogStream(SCOPE, '/g', 's'), {
      logGroupName: '/g', logStreamName: 's', creationTime: T0,
      firstEventTimestamp: T0 + 50, lastEventTimestamp: T0 + 102, lastIngestionTime: T0 + 6000,
    });
  });

  it('lists by name in ASCII order, both directions, with prefix and cursor paging', async () => {
    const all = ['b', 'B', 'a', 'a-1', 'a.2', 'A', '_x', 'app/1', 'app/2', 'app/10'];
    await createGroupWithStreams(ctx.store, SCOPE, '/g', all);
    const sorted = [...all].sort();
    assert.deepEqual(await names({ orderBy: 'LogStreamName', descending: false, limit: 50 }), sorted);
    assert.deepEqual(await names({ orderBy: 'LogStreamName', descending: true, limit: 50 }), [...sorted].reverse());
    assert.deepEqual(await names({ orderBy: 'LogStreamName', descending: false, namePrefix: 'app/', limit: 50 }), ['app/1', 'app/10', 'app/2']);
    assert.deepEqual(await names({ orderBy: 'LogStreamName', descending: true, namePrefix: 'a', limit: 2 }), ['app/2', 'app/10']);
    for (const descending of [false, true]) {
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await names({ orderBy: 'LogStreamName', descending, limit: 3, ...(after === undefined ? {} : { after: { logStreamName: after } }) });
        seen.push(...page);
        if (page.length < 3) break;
        after = page.at(-1);
      }
      assert.deepEqual(seen, descending ? [...sorted].reverse() : sorted);
    }
  });

  it('lists by last event time (streams without events as 0), ties broken by name, with cursor paging', async () => {
    await createGroupWithStreams(ctx.store, SCOPE, '/g', ['late', 'early', 'empty-b', 'empty-a', 'tie-b', 'tie-a', 'mid']);
    await appendOk(ctx.store, SCOPE, ['/g', 'late'], makeEvents(2, { start: T0 + 900 }));
    await appendOk(ctx.store, SCOPE, ['/g', 'early'], makeEvents(1, { start: T0 + 100 }));
    await appendOk(ctx.store, SCOPE, ['/g', 'tie-b'], makeEvents(1, { start: T0 + 500 }));
    await appendOk(ctx.store, SCOPE, ['/g', 'tie-a'], makeEvents(1, { start: T0 + 500 }));
    await appendOk(ctx.store, SCOPE, ['/g', 'mid'], makeEvents(1, { start: T0 + 300 }));
    const ascending = ['empty-a', 'empty-b', 'early', 'mid', 'tie-a', 'tie-b', 'late'];
    assert.deepEqual(await names({ orderBy: 'LastEventTime', descending: false, limit: 50 }), ascending);
    assert.deepEqual(await names({ orderBy: 'LastEventTime', descending: true, limit: 50 }), [...ascending].reverse());
    for (const descending of [false, true]) {
      const seen: LogStreamRecord[] = [];
      for (;;) {
        const last = seen.at(-1);
        const after = last === undefined ? undefined : { logStreamName: last.logStreamName, ...(last.lastEventTimestamp === undefined ? {} : { lastEventTimestamp: last.lastEventTimestamp }) };
        const page = await ctx.store.listLogStreams(SCOPE, '/g', { orderBy: 'LastEventTime', descending, limit: 2, ...(after === undefined ? {} : { after }) });
        assert.ok(Array.isArray(page));
        seen.push(...page);
        if (page.length < 2) break;
      }
      assert.deepEqual(seen.map((s) => s.logStreamName), descending ? [...ascending].reverse() : ascending);
    }
  });

  it('deletes a stream with its events; a recreated stream starts empty', async () => {
    await createGroupWithStreams(ctx.store, SCOPE, '/g', ['s', 'keep']);
    await appendOk(ctx.store, SCOPE, ['/g', 's'], makeEvents(5));
    await appendOk(ctx.store, SCOPE, ['/g', 'keep'], makeEvents(2));
    assert.equal(await ctx.store.deleteLogStream(SCOPE, '/g', 's'), 'deleted');
    assert.equal(await ctx.store.deleteLogStream(SCOPE, '/g', 's'), 'no-stream');
    assert.equal(await ctx.store.deleteLogStream(SCOPE, '/missing', 's'), 'no-group');
    assert.equal(await ctx.store.getLogStream(SCOPE, '/g', 's'), undefined);
    assert.deepEqual(await names({ orderBy: 'LogStreamName', descending: false, limit: 50 }), ['keep']);
    assert.equal(await ctx.store.createLogStream(SCOPE, '/g', 's', T0 + 1), 'created');
    assert.deepEqual(await readAll(ctx.store, SCOPE, ['/g', 's']), []);
    assert.deepEqual(await ctx.store.getLogStream(SCOPE, '/g', 's'), { logGroupName: '/g', logStreamName: 's', creationTime: T0 + 1 });
    assert.equal((await readAll(ctx.store, SCOPE, ['/g', 'keep'])).length, 2);
  });
}
