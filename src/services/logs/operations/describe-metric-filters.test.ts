import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DescribeMetricFiltersResponse } from '../../../models/logs/index.js';
import { logsHarness } from '../logs-harness.test-support.js';

async function filters() {
  const h = logsHarness();
  for (const group of ['g1', 'g2']) await h.call('CreateLogGroup', { logGroupName: group });
  const add = (logGroupName: string, filterName: string, metricName: string) => h.call('PutMetricFilter', {
    logGroupName, filterName, filterPattern: 'ERROR', metricTransformations: [{ metricName, metricNamespace: 'App', metricValue: '1' }],
  });
  await add('g1', 'errors', 'Errors');
  await add('g1', 'warnings', 'Warnings');
  await add('g2', 'errors', 'Errors');
  const describeNames = async (input: Record<string, unknown>) =>
    ((await h.call<DescribeMetricFiltersResponse>('DescribeMetricFilters', input)).metricFilters ?? []).map((f) => `${f.logGroupName}:${f.filterName}`);
  return { h, describeNames };
}

describe('DescribeMetricFilters', () => {
  it('lists all, by group, by prefix within a group, and by metric', async () => {
    const { describeNames } = await filters();
    assert.deepEqual(await describeNames({}), ['g1:errors', 'g1:warnings', 'g2:errors']);
    assert.deepEqual(await describeNames({ logGroupName: 'g1' }), ['g1:errors', 'g1:warnings']);
    assert.deepEqual(await describeNames({ logGroupName: 'g1', filterNamePrefix: 'warn' }), ['g1:warnings']);
    // As documented, the prefix only applies together with logGroupName.
    assert.deepEqual(await describeNames({ filterNamePrefix: 'warn' }), ['g1:errors', 'g1:warnings', 'g2:errors']);
    assert.deepEqual(await describeNames({ metricName: 'Errors', metricNamespace: 'App' }), ['g1:errors', 'g2:errors']);
  });

  it('pages', async () => {
    const { h } = await filters();
    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const page: DescribeMetricFiltersResponse = await h.call('DescribeMetricFilters', { limit: 1, ...(nextToken ? { nextToken } : {}) });
      seen.push(...(page.metricFilters ?? []).map((f) => `${f.logGroupName}:${f.filterName}`));
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    assert.deepEqual(seen, ['g1:errors', 'g1:warnings', 'g2:errors']);
  });

  it('refuses half a metric, bad tokens, bad lengths and missing groups', async () => {
    const { h } = await filters();
    await h.fails('DescribeMetricFilters', { metricName: 'Errors' }, 'InvalidParameterException');
    await h.fails('DescribeMetricFilters', { metricNamespace: 'App' }, 'InvalidParameterException');
    await h.fails('DescribeMetricFilters', { nextToken: 'bad' }, 'InvalidParameterException', 'The specified nextToken is invalid.');
    await h.fails('DescribeMetricFilters', { metricName: 'X'.repeat(256), metricNamespace: 'valid' }, 'InvalidParameterException',
      `1 validation error detected: Value '${'X'.repeat(256)}' at 'metricName' failed to satisfy constraint: Member must have length less than or equal to 255`);
    await h.fails('DescribeMetricFilters', { logGroupName: 'missing' }, 'ResourceNotFoundException', 'The specified log group does not exist.');
  });
});

describe('DeleteMetricFilter', () => {
  it('deletes, and reports what is missing', async () => {
    const { h, describeNames } = await filters();
    assert.deepEqual(await h.call('DeleteMetricFilter', { logGroupName: 'g1', filterName: 'errors' }), {});
    assert.deepEqual(await describeNames({ logGroupName: 'g1' }), ['g1:warnings']);
    await h.fails('DeleteMetricFilter', { logGroupName: 'g1', filterName: 'errors' }, 'ResourceNotFoundException', 'The specified metric filter does not exist.');
    await h.fails('DeleteMetricFilter', { logGroupName: 'nope', filterName: 'errors' }, 'ResourceNotFoundException', 'The specified log group does not exist.');
    await h.fails('DeleteMetricFilter', { logGroupName: 'X'.repeat(513), filterName: 'f' }, 'InvalidParameterException',
      'Invalid LogGroup or LogStream, both must have length less than or equal to 512.');
  });
});
