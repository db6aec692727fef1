import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DescribeLogGroupsResponse } from '../../../models/logs/index.js';
import { logsHarness } from '../logs-harness.test-support.js';

const retention = async (h: ReturnType<typeof logsHarness>): Promise<number | undefined> =>
  (await h.call<DescribeLogGroupsResponse>('DescribeLogGroups', { logGroupNamePrefix: 'g' })).logGroups?.[0]?.retentionInDays;

describe('PutRetentionPolicy / DeleteRetentionPolicy', () => {
  it('sets and clears retention', async () => {
    const h = logsHarness();
    await h.call('CreateLogGroup', { logGroupName: 'g' });
    assert.equal(await retention(h), undefined);
    assert.deepEqual(await h.call('PutRetentionPolicy', { logGroupName: 'g', retentionInDays: 3653 }), {});
    assert.equal(await retention(h), 3653);
    assert.deepEqual(await h.call('DeleteRetentionPolicy', { logGroupName: 'g' }), {});
    assert.equal(await retention(h), undefined);
  });

  it('accepts only the allowed values, with the Coral enum text', async () => {
    const h = logsHarness();
    await h.call('CreateLogGroup', { logGroupName: 'g' });
    await h.fails('PutRetentionPolicy', { logGroupName: 'g', retentionInDays: 2 }, 'InvalidParameterException',
      "1 validation error detected: Value '2' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: " +
        '[1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]');
    await h.fails('PutRetentionPolicy', { logGroupName: 'g' }, 'InvalidParameterException',
      "1 validation error detected: Value null at 'retentionInDays' failed to satisfy constraint: Member must not be null");
  });

  it('reports missing groups', async () => {
    const h = logsHarness();
    await h.fails('PutRetentionPolicy', { logGroupName: 'g', retentionInDays: 1 }, 'ResourceNotFoundException', 'The specified log group does not exist.');
    await h.fails('DeleteRetentionPolicy', { logGroupName: 'g' }, 'ResourceNotFoundException', 'The specified log group does not exist.');
  });
});
