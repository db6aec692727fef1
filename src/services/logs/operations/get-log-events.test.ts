import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { GetLogEventsResponse } from '../../../models/logs/index.js';
import { ACCOUNT, logsHarness, NOW, REGION } from '../logs-harness.test-support.js';

const T0 = NOW - 100_000;
const messages = (r: GetLogEventsResponse): (string | undefined)[] => (r.events ?? []).map((e) => e.message);
const range = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => String(from + i));

async function twentyEvents() {
  const h = logsHarness();
  await h.groupWithStream('g', 's');
  await h.put('g', 's', Array.from({ length: 20 }, (_, i) => ({ timestamp: T0 + i, message: String(i) })));
  const get = (input: Record<string, unknown>) => h.call<GetLogEventsResponse>('GetLogEvents', { logGroupName: 'g', logStreamName: 's', ...input });
  return { h, get };
}

describe('GetLogEvents', () => {
  it('returns the latest events by default, ascending, and pages backward to the end', async () => {
    const { get } = await twentyEvents();
    const first = await get({ limit: 10 });
    assert.deepEqual(messages(first), range(10, 20));
    assert.deepEqual(first.events?.[0], { timestamp: T0 + 10, message: '10', ingestionTime: NOW });
    assert.match(first.nextForwardToken ?? '', /^f\/\d{56}$/);
    assert.match(first.nextBackwardToken ?? '', /^b\/\d{56}$/);
    const second = await get({ limit: 20, nextToken: first.nextBackwardToken });
    assert.deepEqual(messages(second), range(0, 10));
    const end = await get({ limit: 20, nextToken: second.nextBackwardToken });
    assert.deepEqual(messages(end), []);
    assert.equal(end.nextBackwardToken, second.nextBackwardToken);
    const forwardEnd = await get({ nextToken: first.nextForwardToken, startFromHead: true });
    assert.deepEqual(messages(forwardEnd), []);
    assert.equal(forwardEnd.nextForwardToken, first.nextForwardToken);
  });

  it('reads from the head and pages forward until the token repeats', async () => {
    const { h, get } = await twentyEvents();
    const seen: (string | undefined)[] = [];
    let token: string | undefined;
    for (;;) {
      const page = await get({ startFromHead: true, limit: 7, ...(token ? { nextToken: token } : {}) });
      seen.push(...messages(page));
      if (page.nextForwardToken === token) break;
      token = page.nextForwardToken;
    }
    assert.deepEqual(seen, range(0, 20));
    // A later event shows up on the next forward read from the last token.
    await h.put('g', 's', [{ timestamp: T0 + 50, message: 'late' }]);
    assert.deepEqual(messages(await get({ nextToken: token })), ['late']);
  });

  it('treats startTime as inclusive and endTime as exclusive', async () => {
    const { get } = await twentyEvents();
    assert.deepEqual(messages(await get({ startTime: T0 + 5, endTime: T0 + 8, startFromHead: true })), ['5', '6', '7']);
  });

  it('keeps pages within 1 MB', async () => {
    const h = logsHarness();
    await h.groupWithStream('g', 's');
    const big = 'x'.repeat(400_000);
    for (const i of [1, 2, 3]) await h.put('g', 's', [{ timestamp: T0 + i, message: `${i}${big}` }]);
    const page = await h.call<GetLogEventsResponse>('GetLogEvents', { logGroupName: 'g', logStreamName: 's' });
    assert.deepEqual(messages(page).map((m) => m?.charAt(0)), ['2', '3']);
  });

  it('hides events past the retention period at once', async () => {
    const { h, get } = await twentyEvents();
    await h.call('PutRetentionPolicy', { logGroupName: 'g', retentionInDays: 1 });
    h.clock.advance(2 * 86_400_000);
    assert.deepEqual(messages(await get({ startFromHead: true })), []);
  });

  it('gives usable tokens for an empty stream', async () => {
    const h = logsHarness();
    await h.groupWithStream('g', 's');
    const empty = await h.call<GetLogEventsResponse>('GetLogEvents', { logGroupName: 'g', logStreamName: 's' });
    assert.deepEqual(empty.events, []);
    const again = await h.call<GetLogEventsResponse>('GetLogEvents', { logGroupName: 'g', logStreamName: 's', nextToken: empty.nextBackwardToken });
    assert.equal(again.nextBackwardToken, empty.nextBackwardToken);
    await h.put('g', 's', [{ timestamp: T0, message: 'first' }]);
    const forward = await h.call<GetLogEventsResponse>('GetLogEvents', { logGroupName: 'g', logStreamName: 's', nextToken: empty.nextForwardToken });
    assert.deepEqual(messages(forward), ['first']);
  });

  it('refuses tampered tokens and tokens of another stream', async () => {
    const { h, get } = await twentyEvents();
    await h.call('CreateLogStream', { logGroupName: 'g', logStreamName: 'other' });
    const page = await get({ limit: 2 });
    const token = page.nextBackwardToken ?? '';
    const tampered = `${token.slice(0, 20)}${token.charAt(20) === '1' ? '2' : '1'}${token.slice(21)}`;
    for (const nextToken of ['invalid-token', 'n/00000000000000000000000000000000000000000000000000000000', tampered]) {
      await h.fails('GetLogEvents', { logGroupName: 'g', logStreamName: 's', nextToken }, 'InvalidParameterException', 'The specified nextToken is invalid.');
    }
    await h.fails('GetLogEvents', { logGroupName: 'g', logStreamName: 'other', nextToken: token }, 'InvalidParameterException', 'The specified nextToken is invalid.');
  });

  it('resolves the group by name or ARN and reports what is missing', async () => {
    const { h, get } = await twentyEvents();
    const byArn = await h.call<GetLogEventsResponse>('GetLogEvents', { logGroupIdentifier: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:g`, logStreamName: 's', limit: 1 });
    assert.deepEqual(messages(byArn), ['19']);
    await h.fails('GetLogEvents', { logGroupName: 'g', logGroupIdentifier: 'g', logStreamName: 's' }, 'ValidationException');
    await h.fails('GetLogEvents', { logGroupName: 'nope', logStreamName: 's' }, 'ResourceNotFoundException', 'The specified log group does not exist.');
    await h.fails('GetLogEvents', { logGroupName: 'g', logStreamName: 'nope' }, 'ResourceNotFoundException', 'The specified log stream does not exist.');
    await h.fails('GetLogEvents', { logGroupName: 'g', logStreamName: 's', limit: 10001 }, 'InvalidParameterException',
      "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000");
    assert.equal(messages(await get({ limit: 3 })).length, 3);
  });
});
