import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNT, logsHarness, REGION } from '../logs-harness.test-support.js';

const ARN = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:g`;
const tagsOf = async (h: ReturnType<typeof logsHarness>) => (await h.call<{ tags: Record<string, string> }>('ListTagsForResource', { resourceArn: ARN })).tags;

describe('TagResource / UntagResource / ListTagsForResource', () => {
  it('adds, overwrites and removes tags on a log group ARN', async () => {
    const h = logsHarness();
    await h.call('CreateLogGroup', { logGroupName: 'g', tags: { env: 'testing1' } });
    await h.call('TagResource', { resourceArn: ARN, tags: { test1: 'val1', env: 'prod' } });
    assert.deepEqual(await tagsOf(h), { env: 'prod', test1: 'val1' });
    await h.call('UntagResource', { resourceArn: ARN, tagKeys: ['env', 'absent'] });
    assert.deepEqual(await tagsOf(h), { test1: 'val1' });
    assert.deepEqual(await h.call('ListTagsLogGroup', { logGroupName: 'g' }), { tags: { test1: 'val1' } });
  });

  it('refuses more than 50 tags with TooManyTagsException naming the resource', async () => {
    const h = logsHarness();
    const forty = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`a${i}`, 'v']));
    const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`b${i}`, 'v']));
    await h.call('CreateLogGroup', { logGroupName: 'g', tags: forty });
    const error = await h.fails('TagResource', { resourceArn: ARN, tags: eleven }, 'TooManyTagsException');
    assert.deepEqual(error.members, { resourceName: ARN });
    await h.fails('TagResource', { resourceArn: ARN, tags: { ...eleven, a0: 'overwrite' } }, 'TooManyTagsException');
    assert.equal(Object.keys(await tagsOf(h)).length, 40);
  });

  it('needs a log group ARN without :* that exists here', async () => {
    const h = logsHarness();
    await h.call('CreateLogGroup', { logGroupName: 'g' });
    await h.fails('TagResource', { resourceArn: `${ARN}:*`, tags: { a: 'b' } }, 'InvalidParameterException', /at 'resourceArn' failed to satisfy constraint: Member must satisfy regular expression pattern/);
    await h.fails('ListTagsForResource', { resourceArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:missing` }, 'ResourceNotFoundException', 'The specified log group does not exist.');
    await h.fails('ListTagsForResource', { resourceArn: `arn:aws:logs:${REGION}:999999999999:log-group:g` }, 'ResourceNotFoundException');
    await h.fails('ListTagsForResource', { resourceArn: `arn:aws:logs:${REGION}:${ACCOUNT}:destination:d` }, 'ResourceNotFoundException');
    await h.fails('ListTagsForResource', { resourceArn: 'g' }, 'InvalidParameterException');
    await h.fails('TagResource', { resourceArn: ARN, tags: {} }, 'InvalidParameterException', "1 validation error detected: Value '{}' at 'tags' failed to satisfy constraint: Member must have length greater than or equal to 1");
  });
});

describe('TagLogGroup / UntagLogGroup / ListTagsLogGroup', () => {
  it('are the same tags, addressed by name', async () => {
    const h = logsHarness();
    await h.call('CreateLogGroup', { logGroupName: 'g' });
    assert.deepEqual(await h.call('ListTagsLogGroup', { logGroupName: 'g' }), { tags: {} });
    await h.call('TagLogGroup', { logGroupName: 'g', tags: { test3: 'val3', keep: 'x' } });
    await h.call('UntagLogGroup', { logGroupName: 'g', tags: ['test3'] });
    assert.deepEqual(await tagsOf(h), { keep: 'x' });
  });

  it('report missing groups and the tag limit', async () => {
    const h = logsHarness();
    await h.fails('TagLogGroup', { logGroupName: 'g', tags: { a: 'b' } }, 'ResourceNotFoundException', 'The specified log group does not exist.');
    await h.fails('UntagLogGroup', { logGroupName: 'g', tags: ['a'] }, 'ResourceNotFoundException');
    await h.fails('ListTagsLogGroup', { logGroupName: 'g' }, 'ResourceNotFoundException');
    await h.call('CreateLogGroup', { logGroupName: 'g', tags: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v'])) });
    await h.fails('TagLogGroup', { logGroupName: 'g', tags: { extra: 'v' } }, 'InvalidParameterException');
    await h.fails('UntagLogGroup', { logGroupName: 'g', tags: [] }, 'InvalidParameterException', /Member must have length greater than or equal to 1/);
  });
});
