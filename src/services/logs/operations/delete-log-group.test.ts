import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNT, logsHarness, REGION } from '../logs-harness.test-support.js';

describe('DeleteLogGroup', () => {
  it('deletes the group', async () => {
    const h = logsHarness();
    await h.groupWithStream('g', 's');
    assert.deepEqual(await h.call('DeleteLogGroup', { logGroupName: 'g' }), {});
    assert.equal(await h.store.getLogGroup({ accountId: ACCOUNT, region: REGION }, 'g'), undefined);
  });

  it('reports a missing group', async () => {
    const h = logsHarness();
    await h.fails('DeleteLogGroup', { logGroupName: 'nope' }, 'ResourceNotFoundException', 'The specified log group does not exist.');
  });

  it('honours deletion protection with AWS text', async () => {
    const h = logsHarness();
    await h.call('CreateLogGroup', { logGroupName: 'g', deletionProtectionEnabled: true });
    await h.fails('DeleteLogGroup', { logGroupName: 'g' }, 'ValidationException',
      'Cannot delete log group with deletion protection enabled. Disable deletion protection first.');
    assert.notEqual(await h.store.getLogGroup({ accountId: ACCOUNT, region: REGION }, 'g'), undefined);
  });
});
