import assert from 'node:assert/strict';
import { test } from 'node:test';
import { T0, bytes, newBucket, type ObjectStoreContext } from './object-store-contract-support.js';

export function bucketContract(ctx: ObjectStoreContext): void {
  test('createBucket stores owner, region and creation time; a second create returns the first', async () => {
    const first = await ctx.store.createBucket(newBucket('alpha', { region: 'eu-west-1' }));
    assert.equal(first.created, true);
    assert.deepEqual(await ctx.store.getBucket('alpha'), { name: 'alpha', accountId: '111111111111', region: 'eu-west-1', createdAt: T0 });
    const again = await ctx.store.createBucket(newBucket('alpha', { accountId: '222222222222' }));
    assert.equal(again.created, false);
    assert.equal(again.bucket.accountId, '111111111111');
    assert.equal(await ctx.store.getBucket('missing'), undefined);
  });

  test('listBuckets shows only the account’s buckets, by name', async () => {
    await ctx.store.createBucket(newBucket('zeta'));
    await ctx.store.createBucket(newBucket('beta'));
    await ctx.store.createBucket(newBucket('other', { accountId: '222222222222' }));
    assert.deepEqual((await ctx.store.listBuckets('111111111111')).map((b) => b.name), ['beta', 'zeta']);
    assert.deepEqual((await ctx.store.listBuckets('222222222222')).map((b) => b.name), ['other']);
  });

  test('deleteBucket refuses a non-empty bucket and reports a missing one', async () => {
    await ctx.store.createBucket(newBucket('full'));
    await ctx.store.putObject({ bucket: 'full', key: 'k', body: bytes('x') });
    assert.equal(await ctx.store.deleteBucket('full'), 'not-empty');
    await ctx.store.deleteObject('full', 'k');
    assert.equal(await ctx.store.deleteBucket('full'), 'deleted');
    assert.equal(await ctx.store.deleteBucket('full'), 'missing');
    assert.equal(await ctx.store.getBucket('full'), undefined);
  });

  test('a policy is set, replaced and removed', async () => {
    await ctx.store.createBucket(newBucket('pol'));
    assert.equal(await ctx.store.setBucketPolicy('pol', '{"Version":"2012-10-17"}'), true);
    assert.equal((await ctx.store.getBucket('pol'))?.policy, '{"Version":"2012-10-17"}');
    await ctx.store.setBucketPolicy('pol', undefined);
    assert.equal((await ctx.store.getBucket('pol'))?.policy, undefined);
    assert.equal(await ctx.store.setBucketPolicy('nope', '{}'), false);
  });

  test('reset wipes every bucket of every account', async () => {
    await ctx.store.createBucket(newBucket('one'));
    await ctx.store.createBucket(newBucket('two', { accountId: '222222222222' }));
    await ctx.store.putObject({ bucket: 'one', key: 'k', body: bytes('x') });
    await ctx.store.reset();
    assert.equal(await ctx.store.getBucket('one'), undefined);
    assert.deepEqual(await ctx.store.listBuckets('222222222222'), []);
    await ctx.store.createBucket(newBucket('one'));
    assert.equal(await ctx.store.headObject('one', 'k'), undefined);
  });

  test('buckets and policies survive a reopen', async (t) => {
    if (ctx.reopen === undefined) return t.skip('adapter cannot reopen');
    await ctx.store.createBucket(newBucket('durable', { region: 'ap-south-1' }));
    await ctx.store.setBucketPolicy('durable', '{"a":1}');
    await ctx.store.createBucket(newBucket('gone'));
    await ctx.store.deleteBucket('gone');
    await ctx.reopen();
    assert.deepEqual(await ctx.store.getBucket('durable'), {
      name: 'durable', accountId: '111111111111', region: 'ap-south-1', createdAt: T0, policy: '{"a":1}',
    });
    assert.equal(await ctx.store.getBucket('gone'), undefined);
  });
}
