import assert from 'node:assert/strict';
import { it } from 'node:test';
import { OTHER_ACCOUNT, SCOPE, T0, newGroup, type ContractContext } from './log-store-contract-support.js';

/** Log groups: create/exists, get, ASCII-ordered listing with filters and paging, patch, tags, delete. */
export function logGroupContract(ctx: ContractContext): void {
  it('creates a group once and reports every field back', async () => {
    const group = newGroup('/app/web', { creationTime: T0 + 5, kmsKeyId: 'arn:aws:kms:us-east-1:111111111111:key/k1', logGroupClass: 'INFREQUENT_ACCESS', deletionProtectionEnabled: true, tags: { team: 'core', env: 'prod' } });
    assert.equal(await ctx.store.createLogGroup(SCOPE, group), 'created');
    assert.equal(await ctx.store.createLogGroup(SCOPE, newGroup('/app/web')), 'exists');
    assert.deepEqual(await ctx.store.getLogGroup(SCOPE, '/app/web'), {
      logGroupName: '/app/web',
      creationTime: T0 + 5,
      kmsKeyId: 'arn:aws:kms:us-east-1:111111111111:key/k1',
      logGroupClass: 'INFREQUENT_ACCESS',
      deletionProtectionEnabled: true,
      tags: { team: 'core', env: 'prod' },
      storedBytes: 0,
      metricFilterCount: 0,
    });
    assert.equal(await ctx.store.getLogGroup(SCOPE, '/app/other'), undefined);
    assert.equal(await ctx.store.getLogGroup(SCOPE, '/app/WEB'), undefined, 'names are case-sensitive');
  });

  it('lists groups in ASCII (byte) order', async () => {
    const names = ['beta', 'Beta', 'alpha', '_under', 'Zed', '/aws/lambda', 'alpha-2', 'alpha.1', '#hash', 'alpha'.repeat(3)];
    for (const name of names) await ctx.store.createLogGroup(SCOPE, newGroup(name));
    const listed = await ctx.store.listLogGroups(SCOPE, { limit: 50 });
    assert.deepEqual(listed.map((g) => g.logGroupName), [...names].sort());
  });

  it('filters by prefix, substring pattern, class and exact names, case-sensitively', async () => {
    await ctx.store.createLogGroup(SCOPE, newGroup('/aws/lambda/orders'));
    await ctx.store.createLogGroup(SCOPE, newGroup('/aws/lambda/Payments', { logGroupClass: 'INFREQUENT_ACCESS' }));
    await ctx.store.createLogGroup(SCOPE, newGroup('/aws/ecs/orders-api', { logGroupClass: 'DELIVERY' }));
    await ctx.store.createLogGroup(SCOPE, newGroup('/AWS/lambda/upper'));
    await ctx.store.createLogGroup(SCOPE, newGroup('a%b_c'));
    const names = async (query: Parameters<typeof ctx.store.listLogGroups>[1]): Promise<string[]> =>
      (await ctx.store.listLogGroups(SCOPE, query)).map((g) => g.logGroupName);
    assert.deepEqual(await names({ namePrefix: '/aws/lambda/', limit: 50 }), ['/aws/lambda/Payments', '/aws/lambda/orders']);
    assert.deepEqual(await names({ namePrefix: '/AWS', limit: 50 }), ['/AWS/lambda/upper']);
    assert.deepEqual(await names({ namePattern: 'orders', limit: 50 }), ['/aws/ecs/orders-api', '/aws/lambda/orders']);
    assert.deepEqual(await names({ namePattern: 'payments', limit: 50 }), [], 'the pattern is case-sensitive');
    assert.deepEqual(await names({ namePattern: '%', limit: 50 }), ['a%b_c'], '% is literal');
    assert.deepEqual(await names({ namePattern: 'a_b', limit: 50 }), [], '_ is literal');
    assert.deepEqual(await names({ logGroupClass: 'DELIVERY', limit: 50 }), ['/aws/ecs/orders-api']);
    assert.deepEqual(await names({ names: ['/aws/lambda/orders', 'a%b_c', '/missing'], limit: 50 }), ['/aws/lambda/orders', 'a%b_c']);
    assert.deepEqual(await names({ names: [], limit: 50 }), []);
    assert.deepEqual(await names({ namePrefix: '/aws/', logGroupClass: 'STANDARD', limit: 50 }), ['/aws/lambda/orders']);
  });

  it('pages with limit and afterName without gaps or repeats', async () => {
    const all = Array.from({ length: 23 }, (_, index) => `/page/${String(index).padStart(2, '0')}`);
    for (const name of [...all].reverse()) await ctx.store.createLogGroup(SCOPE, newGroup(name));
    const seen: string[] = [];
    let afterName: string | undefined;
    for (;;) {
      const page = await ctx.store.listLogGroups(SCOPE, { limit: 5, ...(afterName === undefined ? {} : { afterName }) });
      assert.ok(page.length <= 5);
      seen.push(...page.map((g) => g.logGroupName));
      if (page.length < 5) break;
      afterName = page.at(-1)?.logGroupName;
    }
    assert.deepEqual(seen, all);
    assert.deepEqual((await ctx.store.listLogGroups(SCOPE, { afterName: '/page/10', namePrefix: '/page/1', limit: 50 })).map((g) => g.logGroupName), ['/page/11', '/page/12', '/page/13', '/page/14', '/page/15', '/page/16', '/page/17', '/page/18', '/page/19']);
  });

  it('patches retention, KMS key and deletion protection; null clears, undefined keeps', async () => {
    await ctx.store.createLogGroup(SCOPE, newGroup('/patch'));
    assert.equal(await ctx.store.updateLogGroup(SCOPE, '/patch', { retentionInDays: 7, kmsKeyId: 'key-1', deletionProtectionEnabled: true }), 'updated');
    let group = await ctx.store.getLogGroup(SCOPE, '/patch');
    assert.equal(group?.retentionInDays, 7);
    assert.equal(group?.kmsKeyId, 'key-1');
    assert.equal(group?.deletionProtectionEnabled, true);
    assert.equal(await ctx.store.updateLogGroup(SCOPE, '/patch', { retentionInDays: 30 }), 'updated');
    group = await ctx.store.getLogGroup(SCOPE, '/patch');
    assert.equal(group?.retentionInDays, 30);
    assert.equal(group?.kmsKeyId, 'key-1', 'untouched by a patch without kmsKeyId');
    assert.equal(await ctx.store.updateLogGroup(SCOPE, '/patch', { retentionInDays: null, kmsKeyId: null, deletionProtectionEnabled: false }), 'updated');
    group = await ctx.store.getLogGroup(SCOPE, '/patch');
    assert.ok(group !== undefined);
    assert.equal(group.retentionInDays, undefined);
    assert.equal(group.kmsKeyId, undefined);
    assert.equal(group.deletionProtectionEnabled, false);
    assert.equal(await ctx.store.updateLogGroup(SCOPE, '/missing', { retentionInDays: 1 }), 'no-group');
  });

  it('answers creation time and retention at once after every change, with reads racing the changes', async () => {
    const retention = (name: string, scope = SCOPE) => ctx.store.getLogGroupRetention(scope, name);
    assert.equal(await retention('/kept'), undefined);
    await ctx.store.createLogGroup(SCOPE, newGroup('/kept', { creationTime: T0 + 1 }));
    assert.deepEqual(await retention('/kept'), { creationTime: T0 + 1 });
    assert.equal(await retention('/kept', OTHER_ACCOUNT), undefined, 'per account');
    for (const days of [7, 30, null, 1] as const) {
      // Reads in flight while the change commits may see either value; the first read after it sees the new one.
      const racing = Array.from({ length: 4 }, () => retention('/kept'));
      assert.equal(await ctx.store.updateLogGroup(SCOPE, '/kept', { retentionInDays: days }), 'updated');
      await Promise.all(racing);
      assert.deepEqual(await retention('/kept'), { creationTime: T0 + 1, ...(days === null ? {} : { retentionInDays: days }) });
    }
    assert.equal(await ctx.store.updateLogGroup(SCOPE, '/kept', { kmsKeyId: 'key-1' }), 'updated');
    assert.deepEqual(await retention('/kept'), { creationTime: T0 + 1, retentionInDays: 1 }, 'other settings leave it alone');
    const racing = retention('/kept');
    assert.equal(await ctx.store.deleteLogGroup(SCOPE, '/kept'), 'deleted');
    await racing;
    assert.equal(await retention('/kept'), undefined);
    await ctx.store.createLogGroup(SCOPE, newGroup('/kept', { creationTime: T0 + 2 }));
    assert.deepEqual(await retention('/kept'), { creationTime: T0 + 2 }, 'a recreated group is another group');
  });

  it('merges tags on tag, removes listed keys on untag', async () => {
    await ctx.store.createLogGroup(SCOPE, newGroup('/tags', { tags: { a: '1', b: '2' } }));
    assert.equal(await ctx.store.tagLogGroup(SCOPE, '/tags', { b: 'two', c: '3' }), 'updated');
    assert.deepEqual((await ctx.store.getLogGroup(SCOPE, '/tags'))?.tags, { a: '1', b: 'two', c: '3' });
    assert.equal(await ctx.store.untagLogGroup(SCOPE, '/tags', ['a', 'not-there']), 'updated');
    assert.deepEqual((await ctx.store.getLogGroup(SCOPE, '/tags'))?.tags, { b: 'two', c: '3' });
    assert.equal(await ctx.store.tagLogGroup(SCOPE, '/missing', { a: '1' }), 'no-group');
    assert.equal(await ctx.store.untagLogGroup(SCOPE, '/missing', ['a']), 'no-group');
  });

  it('deletes a group, after which the name is free again', async () => {
    await ctx.store.createLogGroup(SCOPE, newGroup('/gone', { tags: { a: '1' } }));
    assert.equal(await ctx.store.deleteLogGroup(SCOPE, '/gone'), 'deleted');
    assert.equal(await ctx.store.deleteLogGroup(SCOPE, '/gone'), 'no-group');
    assert.equal(await ctx.store.getLogGroup(SCOPE, '/gone'), undefined);
    assert.deepEqual(await ctx.store.listLogGroups(SCOPE, { limit: 50 }), []);
    assert.equal(await ctx.store.createLogGroup(SCOPE, newGroup('/gone')), 'created');
    assert.deepEqual((await ctx.store.getLogGroup(SCOPE, '/gone'))?.tags, {});
  });
}
