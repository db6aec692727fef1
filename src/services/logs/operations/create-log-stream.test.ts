import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNT, logsHarness, NOW, REGION } from '../logs-harness.test-support.js';

describe('CreateLogStream', () => {
  it('creates a stream at clock time', async () => {
    const h = logsHarness();
    await h.call('CreateLogGroup', { logGroupName: 'g' });
    assert.deepEqual(await h.call('CreateLogStream', { logGroupName: 'g', logStreamName: '2026/01/01/[$LATEST]abc' }), {});
    const stream = await h.store.getLogStream({ accountId: ACCOUNT, region: REGION }, 'g', '2026/01/01/[$LATEST]abc');
    assert.equal(stream?.creationTime, NOW);
  });

  it('reports duplicates and missing groups with AWS texts', async () => {
    const h = logsHarness();
    await h.fails('CreateLogStream', { logGroupName: 'g', logStreamName: 's' }, 'ResourceNotFoundException', 'The specified log group does not exist.');
    await h.groupWithStream('g', 's');
    await h.fails('CreateLogStream', { logGroupName: 'g', logStreamName: 's' }, 'ResourceAlreadyExistsException', 'The specified log stream already exists');
  });

  it('refuses : and * in stream names, and over-long names', async () => {
    const h = logsHarness();
    await h.call('CreateLogGroup', { logGroupName: 'g' });
    await h.fails('CreateLogStream', { logGroupName: 'g', logStreamName: 'a:b' }, 'InvalidParameterException',
      "1 validation error detected: Value 'a:b' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*");
    await h.fails('CreateLogStream', { logGroupName: 'g', logStreamName: 's'.repeat(513) }, 'InvalidParameterException',
      'Invalid LogGroup or LogStream, both must have length less than or equal to 512.');
  });
});
