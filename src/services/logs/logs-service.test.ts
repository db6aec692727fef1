import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { logsOperations } from '../../models/logs/index.js';
import { logsHarness } from './logs-harness.test-support.js';

describe('createLogsService', () => {
  it('serves exactly the modeled operations it implements, under signing name logs', () => {
    const { service } = logsHarness();
    assert.equal(service.signingName, 'logs');
    // Without a QueryDefinitionStore (this harness has none) the saved-query operations are left out, not faked.
    const saved = ['DeleteQueryDefinition', 'DescribeQueryDefinitions', 'PutQueryDefinition'];
    assert.deepEqual([...service.operations.keys()].sort(), Object.keys(logsOperations).filter((name) => !saved.includes(name)).sort());
    assert.equal(service.operations.get('PutQueryDefinition'), undefined);
    assert.equal(service.operations.get('PutSubscriptionFilter'), undefined);
  });

  it('isolates accounts and regions', async () => {
    const h = logsHarness();
    await h.call('CreateLogGroup', { logGroupName: 'shared' });
    await h.call('CreateLogGroup', { logGroupName: 'shared' }, h.context('210987654321'));
    await h.call('CreateLogGroup', { logGroupName: 'shared' }, h.context(undefined, 'eu-west-1'));
    const other = await h.call<{ logGroups: unknown[] }>('DescribeLogGroups', {}, h.context('999999999999'));
    assert.deepEqual(other.logGroups, []);
  });

  it('answers wrong JSON types with SerializationException', async () => {
    const h = logsHarness();
    await h.fails('DescribeLogGroups', { limit: 'ten' }, 'SerializationException', 'STRING_VALUE can not be converted to an Integer');
  });
});
