import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isServiceError, ManualClock, type RequestContext } from '../../kernel/index.js';
import type { MetricStore } from '../../storage/index.js';
import { createCloudWatchService } from './cloudwatch-service.js';
import { createMemoryTaggedResources } from './tagged-resources.js';

const SCOPE = { accountId: '123456789012', region: 'us-east-1' };
const ALARM = 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:high-latency';

function harness() {
  const tags = createMemoryTaggedResources();
  // Tagging never reads metrics; any store call would be a bug, so the store refuses every call.
  const store = new Proxy({}, { get: () => () => Promise.reject(new Error('metric store used by tagging')) }) as MetricStore;
  const service = createCloudWatchService({ store, tags });
  const ctx: RequestContext = {
    caller: { ...SCOPE, accessKeyId: 'AKID', arn: 'arn:aws:iam::123456789012:user/t', userId: 'AIDA' },
    requestId: 'r',
    clock: new ManualClock(0),
  };
  const call = async (operation: string, input: unknown): Promise<unknown> => service.operations.get(operation)!(input, ctx);
  const fails = async (operation: string, input: unknown, code: string, status: number): Promise<Readonly<Record<string, unknown>>> => {
    try {
      await call(operation, input);
    } catch (error) {
      assert.ok(isServiceError(error), String(error));
      assert.equal(error.code, code, error.message);
      assert.equal(error.httpStatus, status);
      return error.members;
    }
    return assert.fail(`${operation} should fail with ${code}`);
  };
  return { tags, call, fails };
}

describe('CloudWatch tagging', () => {
  it('tags, lists (sorted by key) and untags a registered resource', async () => {
    const h = harness();
    await h.tags.register(SCOPE, ALARM, { team: 'ml' });
    await h.call('TagResource', { ResourceARN: ALARM, Tags: [{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: 'infra' }] });
    assert.deepEqual(await h.call('ListTagsForResource', { ResourceARN: ALARM }), { Tags: [{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: 'infra' }] });
    await h.call('UntagResource', { ResourceARN: ALARM, TagKeys: ['team', 'absent'] });
    assert.deepEqual(await h.call('ListTagsForResource', { ResourceARN: ALARM }), { Tags: [{ Key: 'env', Value: 'prod' }] });
  });

  it('answers ResourceNotFoundException for well-formed ARNs of absent resources, also in other accounts', async () => {
    const h = harness();
    const members = await h.fails('ListTagsForResource', { ResourceARN: ALARM }, 'ResourceNotFoundException', 404);
    assert.deepEqual(members, { ResourceType: 'alarm', ResourceId: 'high-latency' });
    await h.tags.register({ accountId: '999999999999', region: 'us-east-1' }, 'arn:aws:cloudwatch:us-east-1:999999999999:alarm:x', {});
    await h.fails('TagResource', { ResourceARN: 'arn:aws:cloudwatch:us-east-1:999999999999:alarm:x', Tags: [] }, 'ResourceNotFoundException', 404);
    await h.fails('UntagResource', { ResourceARN: 'arn:aws:cloudwatch::123456789012:dashboard/main', TagKeys: ['a'] }, 'ResourceNotFoundException', 404);
    await h.fails('ListTagsForResource', { ResourceARN: 'arn:aws:cloudwatch:us-east-1:123456789012:insight-rule/r' }, 'ResourceNotFoundException', 404);
  });

  it('refuses malformed ARNs, bad keys and more than 50 tags with InvalidParameterValue', async () => {
    const h = harness();
    for (const arn of ['not-an-arn', 'arn:aws:logs:us-east-1:123456789012:log-group:g', 'arn:aws:cloudwatch:us-east-1:123456789012:widget/x',
      'arn:aws:cloudwatch:us-east-1:123456789012:dashboard/d', 'arn:aws:cloudwatch::123456789012:alarm:a', 'arn:aws:cloudwatch:us-east-1:12:alarm:a']) {
      await h.fails('ListTagsForResource', { ResourceARN: arn }, 'InvalidParameterValueException', 400);
    }
    await h.tags.register(SCOPE, ALARM, {});
    await h.fails('TagResource', { ResourceARN: ALARM, Tags: [{ Key: 'aws:x', Value: 'v' }] }, 'InvalidParameterValueException', 400);
    await h.fails('TagResource', { ResourceARN: ALARM, Tags: [{ Key: 'bad#key', Value: 'v' }] }, 'InvalidParameterValueException', 400);
    const many = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await h.fails('TagResource', { ResourceARN: ALARM, Tags: many }, 'InvalidParameterValueException', 400);
    await h.call('TagResource', { ResourceARN: ALARM, Tags: many.slice(0, 50) });
    await h.fails('TagResource', { ResourceARN: ALARM, Tags: [{ Key: 'one-more', Value: 'v' }] }, 'InvalidParameterValueException', 400);
    await h.fails('TagResource', { ResourceARN: ALARM, Tags: [{ Key: 'k'.repeat(129), Value: 'v' }] }, 'ValidationException', 400);
    await h.fails('TagResource', { ResourceARN: ALARM }, 'MissingRequiredParameterException', 400);
  });
});
