import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DescribeLogStreamsResponse } from '../../../models/logs/index.js';
import { ACCOUNT, logsHarness, NOW, REGION } from '../logs-harness.test-support.js';

const names = (r: DescribeLogStreamsResponse): (string | undefined)[] => (r.logStreams ?? []).map((s) => s.logStreamName);

async function threeStreams() {
  const h = logsHarness();
  await h.call('CreateLogGroup', { logGroupName: 'g' });
  for (const name of ['b', 'a', 'c']) await h.call('CreateLogStream', { logGroupName: 'g', logStreamName: name });
  await h.put('g', 'a', [{ timestamp: NOW - 3000, message: 'x' }]);
  await h.put('g', 'b', [{ timestamp: NOW - 1000, message: 'y' }, { timestamp: NOW - 500, message: 'z' }]);
  await h.put('g', 'c', [{ timestamp: NOW - 2000, message: 'w' }]);
  return h;
}

describe('DescribeLogStreams', () => {
  it('lists by name with every field; storedBytes is always 0', async () => {
    const h = await threeStreams();
    const result = await h.call<DescribeLogStreamsResponse>('DescribeLogStreams', { logGroupName: 'g' });
    assert.deepEqual(names(result), ['a', 'b', 'c']);
    assert.deepEqual(result.logStreams?.[1], {
      logStreamName: 'b',
      creationTime: NOW,
      firstEventTimestamp: NOW - 1000,
      lastEventTimestamp: NOW - 500,
      lastIngestionTime: NOW,
      arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:g:log-stream:b`,
      storedBytes: 0,
    });
  });

  it('orders by last event time and descending', async () => {
    const h = await threeStreams();
    assert.deepEqual(names(await h.call('DescribeLogStreams', { logGroupName: 'g', orderBy: 'LastEventTime' })), ['a', 'c', 'b']);
    assert.deepEqual(names(await h.call('DescribeLogStreams', { logGroupName: 'g', orderBy: 'LastEventTime', descending: true })), ['b', 'c', 'a']);
    assert.deepEqual(names(await h.call('DescribeLogStreams', { logGroupName: 'g', descending: true, logStreamNamePrefix: 'b' })), ['b']);
  });

  it('accepts a name or ARN identifier, never both', async () => {
    const h = await threeStreams();
    assert.equal(names(await h.call('DescribeLogStreams', { logGroupIdentifier: 'g' })).length, 3);
    assert.equal(names(await h.call('DescribeLogStreams', { logGroupIdentifier: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:g` })).length, 3);
    await h.fails('DescribeLogStreams', { logGroupName: 'g', logGroupIdentifier: 'g' }, 'ValidationException',
      'LogGroup name and LogGroup ARN are mutually exclusive parameters.');
    await h.fails('DescribeLogStreams', { logGroupIdentifier: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:g:*` }, 'InvalidParameterException',
      `1 validation error detected: Value 'arn:aws:logs:${REGION}:${ACCOUNT}:log-group:g:*' at 'logGroupIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w#+=/:,.@-]*`);
    await h.fails('DescribeLogStreams', {}, 'InvalidParameterException');
    await h.fails('DescribeLogStreams', { logGroupName: 'missing' }, 'ResourceNotFoundException', 'The specified log group does not exist.');
  });

  it('pages in both orders', async () => {
    const h = await threeStreams();
    for (const [orderBy, descending, expected] of [['LogStreamName', false, ['a', 'b', 'c']], ['LastEventTime', true, ['b', 'c', 'a']]] as const) {
      const seen: (string | undefined)[] = [];
      let nextToken: string | undefined;
      do {
        const page: DescribeLogStreamsResponse = await h.call('DescribeLogStreams', { logGroupName: 'g', orderBy, descending, limit: 1, ...(nextToken ? { nextToken } : {}) });
        seen.push(...names(page));
        nextToken = page.nextToken;
      } while (nextToken !== undefined);
      assert.deepEqual(seen, expected);
    }
  });

  it('refuses prefix with LastEventTime, bad tokens and reused tokens', async () => {
    const h = await threeStreams();
    await h.fails('DescribeLogStreams', { logGroupName: 'g', orderBy: 'LastEventTime', logStreamNamePrefix: 'a' }, 'InvalidParameterException',
      'Cannot order by LastEventTime with a logStreamNamePrefix.');
    const first = await h.call<DescribeLogStreamsResponse>('DescribeLogStreams', { logGroupName: 'g', limit: 1 });
    await h.fails('DescribeLogStreams', { logGroupName: 'g', orderBy: 'LastEventTime', nextToken: first.nextToken }, 'InvalidParameterException', 'The specified nextToken is invalid.');
    await h.fails('DescribeLogStreams', { logGroupName: 'g', nextToken: 'x' }, 'InvalidParameterException', 'The specified nextToken is invalid.');
  });
});
