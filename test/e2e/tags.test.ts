import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type CloudWatchLogsClient,
  CreateLogGroupCommand,
  ListTagsForResourceCommand,
  ListTagsLogGroupCommand,
  TagLogGroupCommand,
  TagResourceCommand,
  UntagLogGroupCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { expectAwsError } from './aws-assert.js';
import { type RunningServer, startServer, TEST_ACCOUNT, uniqueName } from './harness.js';

const TIMEOUT = { timeout: 30_000 };

describe('tags', { timeout: 120_000 }, () => {
  let server: RunningServer | undefined;
  let logs: CloudWatchLogsClient;

  before(async () => {
    server = await startServer();
    logs = server.logs();
  }, { timeout: 60_000 });
  after(() => server?.stop(), { timeout: 60_000 });

  /** Tagging APIs take the log group ARN without the trailing `:*`. */
  const arnOf = (name: string) => `arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group:${name}`;
  const tagsOf = async (name: string) => (await logs.send(new ListTagsForResourceCommand({ resourceArn: arnOf(name) }))).tags ?? {};
  const manyTags = (n: number, prefix = 'k') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, `v${i}`]));

  test('tags given at creation are listed', TIMEOUT, async () => {
    const name = uniqueName('tags-create');
    await logs.send(new CreateLogGroupCommand({ logGroupName: name, tags: { team: 'obs', 'cost-center': '42' } }));
    assert.deepEqual(await tagsOf(name), { team: 'obs', 'cost-center': '42' });
  });

  test('TagResource adds and overwrites, UntagResource removes, ListTagsForResource lists', TIMEOUT, async () => {
    const name = uniqueName('tags-new');
    await logs.send(new CreateLogGroupCommand({ logGroupName: name }));
    assert.deepEqual(await tagsOf(name), {});
    await logs.send(new TagResourceCommand({ resourceArn: arnOf(name), tags: { a: '1', b: '2' } }));
    await logs.send(new TagResourceCommand({ resourceArn: arnOf(name), tags: { b: 'two', c: '' } }));
    assert.deepEqual(await tagsOf(name), { a: '1', b: 'two', c: '' });
    await logs.send(new UntagResourceCommand({ resourceArn: arnOf(name), tagKeys: ['a', 'not-there'] }));
    assert.deepEqual(await tagsOf(name), { b: 'two', c: '' });
  });

  test('the deprecated TagLogGroup APIs see the same tags', TIMEOUT, async () => {
    const name = uniqueName('tags-old');
    await logs.send(new CreateLogGroupCommand({ logGroupName: name }));
    await logs.send(new TagLogGroupCommand({ logGroupName: name, tags: { old: 'api' } }));
    await logs.send(new TagResourceCommand({ resourceArn: arnOf(name), tags: { new: 'api' } }));
    assert.deepEqual((await logs.send(new ListTagsLogGroupCommand({ logGroupName: name }))).tags, { old: 'api', new: 'api' });
    await logs.send(new UntagLogGroupCommand({ logGroupName: name, tags: ['new'] }));
    assert.deepEqual(await tagsOf(name), { old: 'api' });
  });

  test('more than 50 tags is TooManyTagsException and changes nothing; 50 is fine', TIMEOUT, async () => {
    const name = uniqueName('tags-limit');
    await logs.send(new CreateLogGroupCommand({ logGroupName: name, tags: manyTags(45) }));
    const error = await expectAwsError(logs.send(new TagResourceCommand({ resourceArn: arnOf(name), tags: manyTags(6, 'x') })),
      'TooManyTagsException');
    assert.equal(typeof error.resourceName, 'string');
    assert.equal(Object.keys(await tagsOf(name)).length, 45);
    // Overwriting existing keys does not count twice.
    await logs.send(new TagResourceCommand({ resourceArn: arnOf(name), tags: { ...manyTags(5, 'x'), k0: 'changed' } }));
    const tags = await tagsOf(name);
    assert.equal(Object.keys(tags).length, 50);
    assert.equal(tags.k0, 'changed');
    await expectAwsError(logs.send(new TagResourceCommand({ resourceArn: arnOf(name), tags: { one: 'more' } })), 'TooManyTagsException');
  });

  test('a group cannot be created with more than 50 tags', TIMEOUT, async () => {
    const name = uniqueName('tags-create-limit');
    await expectAwsError(logs.send(new CreateLogGroupCommand({ logGroupName: name, tags: manyTags(51) })), 'InvalidParameterException');
  });

  test('errors: missing group, invalid tag keys', TIMEOUT, async () => {
    const missing = uniqueName('tags-missing');
    await expectAwsError(logs.send(new TagResourceCommand({ resourceArn: arnOf(missing), tags: { a: 'b' } })), 'ResourceNotFoundException');
    await expectAwsError(logs.send(new ListTagsForResourceCommand({ resourceArn: arnOf(missing) })), 'ResourceNotFoundException');
    await expectAwsError(logs.send(new UntagResourceCommand({ resourceArn: arnOf(missing), tagKeys: ['a'] })), 'ResourceNotFoundException');
    await expectAwsError(logs.send(new TagLogGroupCommand({ logGroupName: missing, tags: { a: 'b' } })), 'ResourceNotFoundException');
    await expectAwsError(logs.send(new ListTagsLogGroupCommand({ logGroupName: missing })), 'ResourceNotFoundException');

    const name = uniqueName('tags-bad');
    await logs.send(new CreateLogGroupCommand({ logGroupName: name }));
    const invalid: Array<Record<string, string>> = [{ 'bad!key': 'v' }, { ['k'.repeat(129)]: 'v' }, { '': 'v' }, { key: 'v'.repeat(257) }];
    for (const tags of invalid) {
      await expectAwsError(logs.send(new TagResourceCommand({ resourceArn: arnOf(name), tags })), 'InvalidParameterException');
    }
    assert.deepEqual(await tagsOf(name), {});
  });
});
