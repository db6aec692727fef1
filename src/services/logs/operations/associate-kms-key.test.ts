import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNT, logsHarness, REGION } from '../logs-harness.test-support.js';

const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const scope = { accountId: ACCOUNT, region: REGION };

describe('AssociateKmsKey / DisassociateKmsKey', () => {
  it('associates by name or by log group ARN, and disassociates', async () => {
    const h = logsHarness();
    await h.call('CreateLogGroup', { logGroupName: 'g' });
    await h.call('AssociateKmsKey', { logGroupName: 'g', kmsKeyId: KEY });
    assert.equal((await h.store.getLogGroup(scope, 'g'))?.kmsKeyId, KEY);
    await h.call('DisassociateKmsKey', { resourceIdentifier: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:g` });
    assert.equal((await h.store.getLogGroup(scope, 'g'))?.kmsKeyId, undefined);
    await h.call('AssociateKmsKey', { resourceIdentifier: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:g`, kmsKeyId: KEY });
    assert.equal((await h.store.getLogGroup(scope, 'g'))?.kmsKeyId, KEY);
  });

  it('needs exactly one target and a KMS key ARN', async () => {
    const h = logsHarness();
    await h.call('CreateLogGroup', { logGroupName: 'g' });
    await h.fails('AssociateKmsKey', { kmsKeyId: KEY }, 'InvalidParameterException');
    await h.fails('AssociateKmsKey', { logGroupName: 'g', resourceIdentifier: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:g`, kmsKeyId: KEY }, 'InvalidParameterException');
    await h.fails('DisassociateKmsKey', {}, 'InvalidParameterException');
    await h.fails('AssociateKmsKey', { logGroupName: 'g', kmsKeyId: 'alias-without-arn' }, 'InvalidParameterException', /KMS key/);
    await h.fails('AssociateKmsKey', { logGroupName: 'g' }, 'InvalidParameterException',
      "1 validation error detected: Value null at 'kmsKeyId' failed to satisfy constraint: Member must not be null");
  });

  it('reports missing groups and unsupported query-result targets', async () => {
    const h = logsHarness();
    await h.fails('AssociateKmsKey', { logGroupName: 'nope', kmsKeyId: KEY }, 'ResourceNotFoundException', 'The specified log group does not exist.');
    await h.fails('DisassociateKmsKey', { logGroupName: 'nope' }, 'ResourceNotFoundException', 'The specified log group does not exist.');
    await h.fails('AssociateKmsKey', { resourceIdentifier: `arn:aws:logs:${REGION}:${ACCOUNT}:query-result:*`, kmsKeyId: KEY }, 'InvalidParameterException');
  });
});
