import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNT, logsHarness, NOW, REGION } from '../logs-harness.test-support.js';

describe('CreateLogGroup', () => {
  it('creates a group with defaults', async () => {
    const h = logsHarness();
    assert.deepEqual(await h.call('CreateLogGroup', { logGroupName: '/app/web' }), {});
    const group = await h.store.getLogGroup({ accountId: ACCOUNT, region: REGION }, '/app/web');
    assert.equal(group?.creationTime, NOW);
    assert.equal(group?.logGroupClass, 'STANDARD');
    assert.equal(group?.deletionProtectionEnabled, false);
    assert.deepEqual(group?.tags, {});
  });

  it('stores class, tags, KMS key and deletion protection', async () => {
    const h = logsHarness();
    const kmsKeyId = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    await h.call('CreateLogGroup', { logGroupName: 'g', logGroupClass: 'INFREQUENT_ACCESS', tags: { env: 'dev' }, kmsKeyId, deletionProtectionEnabled: true });
    const group = await h.store.getLogGroup({ accountId: ACCOUNT, region: REGION }, 'g');
    assert.equal(group?.logGroupClass, 'INFREQUENT_ACCESS');
    assert.deepEqual(group?.tags, { env: 'dev' });
    assert.equal(group?.kmsKeyId, kmsKeyId);
    assert.equal(group?.deletionProtectionEnabled, true);
  });

  it('refuses duplicates with AWS text', async () => {
    const h = logsHarness();
    await h.call('CreateLogGroup', { logGroupName: 'g' });
    await h.fails('CreateLogGroup', { logGroupName: 'g' }, 'ResourceAlreadyExistsException', 'The specified log group already exists');
  });

  it('reserves aws/ in any case', async () => {
    const h = logsHarness();
    await h.fails('CreateLogGroup', { logGroupName: 'aws/cwagent' }, 'InvalidParameterException', 'Log groups starting with AWS/ are reserved for AWS.');
    await h.fails('CreateLogGroup', { logGroupName: 'AWS/x' }, 'InvalidParameterException', 'Log groups starting with AWS/ are reserved for AWS.');
    await h.call('CreateLogGroup', { logGroupName: '/aws/lambda/fn' });
  });

  it('validates names like AWS', async () => {
    const h = logsHarness();
    await h.fails('CreateLogGroup', { logGroupName: 'a'.repeat(513) }, 'InvalidParameterException', 'Invalid LogGroup or LogStream, both must have length less than or equal to 512.');
    await h.fails('CreateLogGroup', { logGroupName: 'has space' }, 'InvalidParameterException',
      "1 validation error detected: Value 'has space' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
    await h.fails('CreateLogGroup', {}, 'InvalidParameterException', "1 validation error detected: Value null at 'logGroupName' failed to satisfy constraint: Member must not be null");
    await h.fails('CreateLogGroup', { logGroupName: 'g', logGroupClass: 'COLD' }, 'InvalidParameterException',
      "1 validation error detected: Value 'COLD' at 'logGroupClass' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, INFREQUENT_ACCESS, DELIVERY]");
  });

  it('checks tags and the KMS key form', async () => {
    const h = logsHarness();
    const tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    await h.fails('CreateLogGroup', { logGroupName: 'g', tags }, 'InvalidParameterException', /at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50$/);
    await h.fails('CreateLogGroup', { logGroupName: 'g', kmsKeyId: 'not-an-arn' }, 'InvalidParameterException', /KMS key/);
    await h.fails('CreateLogGroup', { logGroupName: 'g', kmsKeyId: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/abc` }, 'InvalidParameterException', /KMS key/);
  });
});
