import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DescribeLogGroupsResponse } from '../../../models/logs/index.js';
import { ACCOUNT, logsHarness, NOW, REGION } from '../logs-harness.test-support.js';

const names = (r: DescribeLogGroupsResponse): (string | undefined)[] => (r.logGroups ?? []).map((g) => g.logGroupName);

describe('DescribeLogGroups', () => {
  it('reports every field, ASCII-sorted', async () => {
    const h = logsHarness();
    for (const name of ['b', 'B', 'a/x']) await h.call('CreateLogGroup', { logGroupName: name });
    await h.call('PutRetentionPolicy', { logGroupName: 'b', retentionInDays: 7 });
    const result = await h.call<DescribeLogGroupsResponse>('DescribeLogGroups', {});
    assert.deepEqual(names(result), ['B', 'a/x', 'b']);
    assert.deepEqual(result.logGroups?.[2], {
      logGroupName: 'b',
      creationTime: NOW,
      retentionInDays: 7,
      metricFilterCount: 0,
      arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:b:*`,
      storedBytes: 0,
      logGroupClass: 'STANDARD',
      logGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:b`,
      deletionProtectionEnabled: false,
    });
    assert.equal(result.nextToken, undefined);
  });

  it('filters by prefix, class and identifiers', async () => {
    const h = logsHarness();
    await h.call('CreateLogGroup', { logGroupName: '/app/a' });
    await h.call('CreateLogGroup', { logGroupName: '/app/b', logGroupClass: 'INFREQUENT_ACCESS' });
    await h.call('CreateLogGroup', { logGroupName: '/other' });
    assert.deepEqual(names(await h.call('DescribeLogGroups', { logGroupNamePrefix: '/app/' })), ['/app/a', '/app/b']);
    assert.deepEqual(names(await h.call('DescribeLogGroups', { logGroupClass: 'INFREQUENT_ACCESS' })), ['/app/b']);
    const ids = ['/other', `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/app/a`, `arn:aws:logs:${REGION}:999999999999:log-group:/app/b`];
    assert.deepEqual(names(await h.call('DescribeLogGroups', { logGroupIdentifiers: ids })), ['/app/a', '/other']);
  });

  it('answers a pattern search with the reduced view', async () => {
    const h = logsHarness();
    await h.call('CreateLogGroup', { logGroupName: 'GroupDataLogs' });
    await h.call('CreateLogGroup', { logGroupName: 'datalogs' });
    const result = await h.call<DescribeLogGroupsResponse>('DescribeLogGroups', { logGroupNamePattern: 'DataLogs' });
    assert.deepEqual(result.logGroups, [{
      logGroupName: 'GroupDataLogs',
      creationTime: NOW,
      metricFilterCount: 0,
      arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:GroupDataLogs:*`,
      logGroupClass: 'STANDARD',
      logGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:GroupDataLogs`,
    }]);
  });

  it('pages with limit and nextToken', async () => {
    const h = logsHarness();
    for (const name of ['a', 'b', 'c', 'd', 'e']) await h.call('CreateLogGroup', { logGroupName: name });
    const seen: (string | undefined)[] = [];
    let nextToken: string | undefined;
    do {
      const page: DescribeLogGroupsResponse = await h.call('DescribeLogGroups', { limit: 2, ...(nextToken ? { nextToken } : {}) });
      seen.push(...names(page));
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    assert.deepEqual(seen, ['a', 'b', 'c', 'd', 'e']);
  });

  it('refuses conflicting or invalid parameters', async () => {
    const h = logsHarness();
    await h.fails('DescribeLogGroups', { logGroupNamePrefix: 'a', logGroupNamePattern: 'b' }, 'InvalidParameterException',
      'LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
    await h.fails('DescribeLogGroups', { logGroupIdentifiers: ['a'], logGroupNamePrefix: 'a' }, 'InvalidParameterException');
    await h.fails('DescribeLogGroups', { limit: 51 }, 'InvalidParameterException',
      "1 validation error detected: Value '51' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50");
    await h.fails('DescribeLogGroups', { limit: 0 }, 'InvalidParameterException', /Member must have value greater than or equal to 1/);
    await h.fails('DescribeLogGroups', { nextToken: 'garbage' }, 'InvalidParameterException', 'The specified nextToken is invalid.');
  });
});
