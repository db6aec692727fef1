import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNT, logsHarness, NOW, REGION } from '../logs-harness.test-support.js';

describe('DeleteLogStream', () => {
  it('deletes the stream and its events', async () => {
    const h = logsHarness();
    await h.groupWithStream('g', 's');
    await h.put('g', 's', [{ timestamp: NOW, message: 'x' }]);
    assert.deepEqual(await h.call('DeleteLogStream', { logGroupName: 'g', logStreamName: 's' }), {});
    assert.equal(await h.store.getLogStream({ accountId: ACCOUNT, region: REGION }, 'g', 's'), undefined);
  });

  it('reports missing group and stream', async () => {
    const h = logsHarness();
    await h.fails('DeleteLogStream', { logGroupName: 'g', logStreamName: 's' }, 'ResourceNotFoundException', 'The specified log group does not exist.');
    await h.call('CreateLogGroup', { logGroupName: 'g' });
    await h.fails('DeleteLogStream', { logGroupName: 'g', logStreamName: 's' }, 'ResourceNotFoundException', 'The specified log stream does not exist.');
  });

  it('is blocked by the group deletion protection', async () => {
    const h = logsHarness();
    await h.call('CreateLogGroup', { logGroupName: 'g', deletionProtectionEnabled: true });
    await h.call('CreateLogStream', { logGroupName: 'g', logStreamName: 's' });
    await h.fails('DeleteLogStream', { logGroupName: 'g', logStreamName: 's' }, 'ValidationException', /deletion protection/);
  });
});
