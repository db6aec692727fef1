import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLogIngest } from './log-ingest.js';
import { MemoryLogStore } from './memory-log-store.test-support.js';

const SCOPE = { accountId: '111111111111', region: 'us-east-1' };

describe('log ingest (writes on behalf of another service)', () => {
  it('appends to an existing group, creating the stream on first use', async () => {
    const store = new MemoryLogStore();
    await store.createLogGroup(SCOPE, { logGroupName: '/bedrock', creationTime: 1, logGroupClass: 'STANDARD', deletionProtectionEnabled: false, tags: {} });
    const ingest = createLogIngest({ store, now: () => 5_000 });
    assert.equal(await ingest.logGroupExists(SCOPE, '/bedrock'), true);
    assert.equal(await ingest.appendLogEvents(SCOPE, '/bedrock', 'aws/bedrock/modelinvocations', [{ timestamp: 1_000, message: 'one' }]), 'appended');
    assert.equal(await ingest.appendLogEvents(SCOPE, '/bedrock', 'aws/bedrock/modelinvocations', [{ timestamp: 2_000, message: 'two' }]), 'appended');
    const events = await store.readStream(SCOPE, '/bedrock', 'aws/bedrock/modelinvocations', { direction: 'forward', limit: 10 });
    assert.deepEqual(events.map((e) => [e.timestamp, e.message, e.ingestionTime]), [[1_000, 'one', 5_000], [2_000, 'two', 5_000]]);
    assert.equal((await store.getLogStream(SCOPE, '/bedrock', 'aws/bedrock/modelinvocations'))?.creationTime, 5_000);
  });

  it('never creates a group', async () => {
    const store = new MemoryLogStore();
    const ingest = createLogIngest({ store, now: () => 0 });
    assert.equal(await ingest.logGroupExists(SCOPE, '/missing'), false);
    assert.equal(await ingest.appendLogEvents(SCOPE, '/missing', 's', [{ timestamp: 1, message: 'x' }]), 'no-group');
    assert.equal(await store.getLogGroup(SCOPE, '/missing'), undefined);
  });
});
