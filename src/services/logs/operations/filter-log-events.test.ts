import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FilterLogEventsResponse } from '../../../models/logs/index.js';
import { logsHarness, NOW } from '../logs-harness.test-support.js';
import { FILTER_SCAN_BUDGET } from './filter-log-events.js';

const T0 = NOW - 100_000;
const messages = (r: FilterLogEventsResponse): (string | undefined)[] => (r.events ?? []).map((e) => e.message);

async function twoStreams() {
  const h = logsHarness();
  await h.groupWithStream('g', 'web-1');
  await h.call('CreateLogStream', { logGroupName: 'g', logStreamName: 'web-2' });
  await h.call('CreateLogStream', { logGroupName: 'g', logStreamName: 'db' });
  await h.put('g', 'web-1', [{ timestamp: T0 + 1, message: '[ERROR 400] BAD REQUEST' }, { timestamp: T0 + 4, message: '[INFO] ok' }]);
  await h.put('g', 'web-2', [{ timestamp: T0 + 2, message: '[ERROR 419] MISSING ARGUMENTS' }, { timestamp: T0 + 5, message: '[ERROR 420] INVALID ARGUMENTS' }]);
  await h.put('g', 'db', [{ timestamp: T0 + 3, message: 'db ready' }]);
  const filter = (input: Record<string, unknown>) => h.call<FilterLogEventsResponse>('FilterLogEvents', { logGroupName: 'g', ...input });
  return { h, filter };
}

describe('FilterLogEvents', () => {
  it('interleaves every stream in time order by default', async () => {
    const { filter } = await twoStreams();
    const result = await filter({});
    assert.deepEqual(messages(result), ['[ERROR 400] BAD REQUEST', '[ERROR 419] MISSING ARGUMENTS', 'db ready', '[INFO] ok', '[ERROR 420] INVALID ARGUMENTS']);
    assert.deepEqual(result.searchedLogStreams, []);
    assert.equal(result.nextToken, undefined);
    const first = result.events?.[0];
    assert.equal(first?.logStreamName, 'web-1');
    assert.equal(first?.ingestionTime, NOW);
    assert.match(first?.eventId ?? '', /^\d{56}$/);
  });

  it('matches a pattern exactly after pushing its prefilter down', async () => {
    const { h, filter } = await twoStreams();
    assert.deepEqual(messages(await filter({ filterPattern: 'ERROR ARGUMENTS' })), ['[ERROR 419] MISSING ARGUMENTS', '[ERROR 420] INVALID ARGUMENTS']);
    assert.ok((h.store.scans.at(-1)?.prefilter?.allOf.length ?? 0) > 0);
    assert.deepEqual(messages(await filter({ filterPattern: 'ERROR -ARGUMENTS' })), ['[ERROR 400] BAD REQUEST']);
  });

  it('pushes JSON comparisons down as a condition, and pages through every match from one streamed read', async () => {
    const h = logsHarness();
    await h.groupWithStream('g', 's');
    const events = Array.from({ length: 20 }, (_, i) => ({ timestamp: T0 + i, message: JSON.stringify({ status: i % 4 === 0 ? 500 : 200, i }) }));
    await h.put('g', 's', [...events, { timestamp: T0 + 30, message: '{"status":"500","status":200}' }, { timestamp: T0 + 31, message: 'status 500' }]);
    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await h.call<FilterLogEventsResponse>('FilterLogEvents', { logGroupName: 'g', filterPattern: '{ $.status = 500 }', limit: 2, nextToken });
      assert.deepEqual(h.store.scans.at(-1)?.json, { kind: 'number', path: ['status'], operator: '=', value: 500 });
      seen.push(...messages(page).map(String));
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    assert.deepEqual(seen, [0, 4, 8, 12, 16].map((i) => JSON.stringify({ status: 500, i })));
    assert.equal(h.store.scans.length, 1, 'later pages come from the matches the first read found beyond its page');
  });

  it('answers a token whose kept matches were already served by reading the store again, with the same page', async () => {
    const h = logsHarness();
    await h.groupWithStream('g', 's');
    await h.put('g', 's', Array.from({ length: 6 }, (_, i) => ({ timestamp: T0 + i, message: `ERROR ${i}` })));
    const filter = (nextToken?: string) => h.call<FilterLogEventsResponse>('FilterLogEvents', { logGroupName: 'g', filterPattern: 'ERROR', limit: 2, nextToken });
    const first = await filter();
    const second = await filter(first.nextToken);
    assert.deepEqual(messages(second), ['ERROR 2', 'ERROR 3']);
    assert.equal(h.store.scans.length, 1);
    const again = await filter(first.nextToken);
    assert.deepEqual(messages(again), ['ERROR 2', 'ERROR 3'], 'the same page, from a second read');
    assert.equal(h.store.scans.length, 2);
    assert.deepEqual(messages(await filter(again.nextToken)), ['ERROR 4', 'ERROR 5']);
    assert.equal(h.store.scans.length, 2);
  });

  it('never serves kept matches to a different request', async () => {
    const h = logsHarness();
    await h.groupWithStream('g', 's');
    await h.put('g', 's', [
      { timestamp: T0, message: 'ERROR a' }, { timestamp: T0 + 1, message: 'ERROR b' }, { timestamp: T0 + 2, message: 'ERROR WARN c' },
    ]);
    const first = await h.call<FilterLogEventsResponse>('FilterLogEvents', { logGroupName: 'g', filterPattern: 'ERROR', limit: 1 });
    const other = await h.call<FilterLogEventsResponse>('FilterLogEvents', { logGroupName: 'g', filterPattern: 'WARN', limit: 1, nextToken: first.nextToken });
    assert.deepEqual(messages(other), ['ERROR WARN c'], 'the token gives the position; the pattern is this call\'s');
    assert.equal(h.store.scans.length, 2);
  });

  it('limits streams by names or prefix, never both', async () => {
    const { h, filter } = await twoStreams();
    assert.deepEqual(messages(await filter({ logStreamNames: ['db', 'ghost'] })), ['db ready']);
    assert.equal(messages(await filter({ logStreamNamePrefix: 'web-' })).length, 4);
    await h.fails('FilterLogEvents', { logGroupName: 'g', logStreamNames: ['db'], logStreamNamePrefix: 'd' }, 'InvalidParameterException');
  });

  it('includes both time bounds', async () => {
    const { filter } = await twoStreams();
    assert.deepEqual(messages(await filter({ startTime: T0 + 2, endTime: T0 + 3 })), ['[ERROR 419] MISSING ARGUMENTS', 'db ready']);
  });

  it('pages with limit; the token keeps the direction', async () => {
    const { filter } = await twoStreams();
    const seen: (string | undefined)[] = [];
    let nextToken: string | undefined;
    do {
      const page = await filter({ limit: 2, startFromHead: false, ...(nextToken ? { nextToken, startFromHead: true } : {}) });
      seen.push(...messages(page));
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    assert.deepEqual(seen, ['[ERROR 420] INVALID ARGUMENTS', '[INFO] ok', 'db ready', '[ERROR 419] MISSING ARGUMENTS', '[ERROR 400] BAD REQUEST']);
  });

  it('bounds the scan per call and returns an empty page with a token', async () => {
    const h = logsHarness();
    await h.groupWithStream('g', 's');
    for (let start = 0; start < FILTER_SCAN_BUDGET; start += 10_000) {
      await h.put('g', 's', Array.from({ length: 10_000 }, (_, i) => ({ timestamp: T0 - FILTER_SCAN_BUDGET + start + i, message: `noise ${i}` })));
    }
    await h.put('g', 's', [{ timestamp: T0 + 1, message: 'needle' }]);
    // An exclusion-only pattern gives the store no substring to narrow the scan with.
    const first = await h.call<FilterLogEventsResponse>('FilterLogEvents', { logGroupName: 'g', filterPattern: '-noise' });
    assert.equal(FILTER_SCAN_BUDGET % 10_000, 0);
    assert.equal(h.store.scans.at(-1)?.limit, FILTER_SCAN_BUDGET, 'one read of the whole budget');
    assert.deepEqual(messages(first), []);
    assert.notEqual(first.nextToken, undefined);
    const second = await h.call<FilterLogEventsResponse>('FilterLogEvents', { logGroupName: 'g', filterPattern: '-noise', nextToken: first.nextToken });
    assert.deepEqual(messages(second), ['needle']);
    assert.equal(second.nextToken, undefined);
  });

  it('hides events past retention', async () => {
    const { h, filter } = await twoStreams();
    await h.call('PutRetentionPolicy', { logGroupName: 'g', retentionInDays: 1 });
    h.clock.advance(86_400_000 - 100_000 + 3);
    assert.deepEqual(messages(await filter({})), ['db ready', '[INFO] ok', '[ERROR 420] INVALID ARGUMENTS']);
  });

  it('reports invalid patterns, tokens and parameters', async () => {
    const { h } = await twoStreams();
    await h.fails('FilterLogEvents', { logGroupName: 'g', filterPattern: '{ $.a = ' }, 'InvalidParameterException', /^Invalid filter pattern/);
    await h.fails('FilterLogEvents', { logGroupName: 'g', nextToken: 'nope' }, 'InvalidParameterException', 'The specified nextToken is invalid.');
    await h.call('CreateLogGroup', { logGroupName: 'other' });
    const page = await h.call<FilterLogEventsResponse>('FilterLogEvents', { logGroupName: 'g', limit: 1 });
    await h.fails('FilterLogEvents', { logGroupName: 'other', nextToken: page.nextToken }, 'InvalidParameterException', 'The specified nextToken is invalid.');
    await h.fails('FilterLogEvents', { logGroupName: 'g', startFromHead: false, startTime: Date.UTC(2023, 11, 31) }, 'InvalidParameterException');
    await h.fails('FilterLogEvents', { logGroupName: 'g', limit: 10001 }, 'InvalidParameterException',
      "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000");
    await h.fails('FilterLogEvents', { logGroupName: 'missing' }, 'ResourceNotFoundException', 'The specified log group does not exist.');
  });
});
