import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { AppendOutcome, StoredLogEvent } from './log-store.js';
import { SCOPE, T0, appendOk, createGroupWithStreams, makeEvents, newGroup, readAll, utf8Bytes, type ContractContext } from './log-store-contract-support.js';

/** Close and reopen: everything acknowledged (and everything pending at close) is still there. */
export function durabilityContract(ctx: ContractContext): void {
  it('keeps groups, streams, events, tags, retention and metric filters across close and reopen', async (t) => {
    if (ctx.reopen === undefined) {
      t.skip('the adapter cannot reopen its data');
      return;
    }
    await ctx.store.createLogGroup(SCOPE, newGroup('/durable', { tags: { k: 'v' }, kmsKeyId: 'key' }));
    await ctx.store.createLogStream(SCOPE, '/durable', 's', T0);
    await ctx.store.updateLogGroup(SCOPE, '/durable', { retentionInDays: 14 });
    await ctx.store.putMetricFilter(SCOPE, { logGroupName: '/durable', filterName: 'f', filterPattern: 'ERROR', metricTransformations: [{ metricName: 'E', metricNamespace: 'N', metricValue: '1' }], creationTime: T0, applyOnTransformedLogs: false });
    const lastSeq = await appendOk(ctx.store, SCOPE, ['/durable', 's'], makeEvents(100, { label: 'acked' }));
    const streamBefore = await ctx.store.getLogStream(SCOPE, '/durable', 's');
    // Appends still queued when close() is called must be finished by it, not dropped.
    const pending: Promise<AppendOutcome>[] = Array.from({ length: 5 }, (_, index) =>
      ctx.store.append(SCOPE, '/durable', 's', makeEvents(10, { start: T0 + 1000, label: `pending${index}` }), T0 + 2000),
    );
    await ctx.reopen();
    const outcomes = await Promise.all(pending);
    assert.ok(outcomes.every((outcome) => outcome.kind === 'appended'));
    const events = await readAll(ctx.store, SCOPE, ['/durable', 's']);
    assert.equal(events.length, 150);
    assert.deepEqual(events.slice(0, 100).map((event) => event.message), makeEvents(100, { label: 'acked' }).map((event) => event.message));
    const group = await ctx.store.getLogGroup(SCOPE, '/durable');
    assert.equal(group?.retentionInDays, 14);
    assert.deepEqual(group?.tags, { k: 'v' });
    assert.equal(group?.kmsKeyId, 'key');
    assert.equal(group?.metricFilterCount, 1);
    assert.equal(group?.storedBytes, utf8Bytes(events.map((event) => event.message)));
    const stream = await ctx.store.getLogStream(SCOPE, '/durable', 's');
    assert.equal(stream?.firstEventTimestamp, streamBefore?.firstEventTimestamp);
    assert.equal(stream?.lastIngestionTime, T0 + 2000);
    assert.equal((await ctx.store.listMetricFilters(SCOPE, { limit: 10 }))[0]?.filterPattern, 'ERROR');
    // seq keeps increasing across the restart, so cursors taken before it stay valid.
    const after = await appendOk(ctx.store, SCOPE, ['/durable', 's'], makeEvents(1, { start: T0 + 5000 }));
    assert.ok(after > Math.max(lastSeq, ...events.map((event: StoredLogEvent) => event.seq)));
  });

  it('keeps new groups and ids distinct after reopen', async (t) => {
    if (ctx.reopen === undefined) {
      t.skip('the adapter cannot reopen its data');
      return;
    }
    await createGroupWithStreams(ctx.store, SCOPE, '/old', ['s']);
    await appendOk(ctx.store, SCOPE, ['/old', 's'], makeEvents(3));
    await ctx.store.deleteLogGroup(SCOPE, '/old');
    await ctx.reopen();
    await createGroupWithStreams(ctx.store, SCOPE, '/new', ['s']);
    await appendOk(ctx.store, SCOPE, ['/new', 's'], makeEvents(1));
    assert.equal((await readAll(ctx.store, SCOPE, ['/new', 's'])).length, 1, 'no events of a deleted group resurface');
  });
}
