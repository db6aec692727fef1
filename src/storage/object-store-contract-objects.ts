import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MissingBucketError } from './object-store.js';
import { T0, bytes, newBucket, type ObjectStoreContext } from './object-store-contract-support.js';

const text = (body: Uint8Array | undefined): string | undefined => (body === undefined ? undefined : new TextDecoder().decode(body));

export function objectContract(ctx: ObjectStoreContext): void {
  test('putObject returns the quoted MD5 ETag and keeps headers, metadata and checksums', async () => {
    await ctx.store.createBucket(newBucket('b'));
    const put = await ctx.store.putObject({
      bucket: 'b', key: 'dir/file.json', body: bytes('hello'), contentType: 'application/json', contentEncoding: 'gzip',
      cacheControl: 'no-cache', contentDisposition: 'inline', metadata: { owner: 'me' }, checksums: { crc32: 'NhCmhg==' }, lastModified: T0,
    });
    assert.equal(put.etag, '"5d41402abc4b2a76b9719d911017c592"');
    assert.equal(put.size, 5);
    const head = await ctx.store.headObject('b', 'dir/file.json');
    assert.deepEqual(head, put);
    assert.equal(head?.contentType, 'application/json');
    assert.deepEqual(head?.metadata, { owner: 'me' });
    assert.deepEqual(head?.checksums, { crc32: 'NhCmhg==' });
    assert.equal(head?.lastModified, T0);
    assert.equal(text((await ctx.store.getObject('b', 'dir/file.json'))?.body), 'hello');
  });

  test('a second put replaces the object; a range reads just those bytes', async () => {
    await ctx.store.createBucket(newBucket('b'));
    await ctx.store.putObject({ bucket: 'b', key: 'k', body: bytes('first version') });
    await ctx.store.putObject({ bucket: 'b', key: 'k', body: bytes('0123456789') });
    assert.equal(text((await ctx.store.getObject('b', 'k'))?.body), '0123456789');
    assert.equal(text((await ctx.store.getObject('b', 'k', { first: 2, last: 4 }))?.body), '234');
    assert.equal((await ctx.store.getObject('b', 'k', { first: 2, last: 4 }))?.size, 10);
  });

  test('writes into a missing bucket fail with MissingBucketError; reads answer undefined', async () => {
    await assert.rejects(ctx.store.putObject({ bucket: 'none', key: 'k', body: bytes('x') }), MissingBucketError);
    assert.equal(await ctx.store.getObject('none', 'k'), undefined);
    assert.equal(await ctx.store.deleteObject('none', 'k'), false);
  });

  test('deleteObject says whether the object existed', async () => {
    await ctx.store.createBucket(newBucket('b'));
    await ctx.store.putObject({ bucket: 'b', key: 'k', body: bytes('x') });
    assert.equal(await ctx.store.deleteObject('b', 'k'), true);
    assert.equal(await ctx.store.deleteObject('b', 'k'), false);
    assert.equal(await ctx.store.headObject('b', 'k'), undefined);
  });

  test('listObjects filters by prefix, starts after a key, honours the limit, in UTF-8 binary order', async () => {
    await ctx.store.createBucket(newBucket('b'));
    // U+FF5E sorts before U+1F600 in UTF-8 but after it in UTF-16, where JS compares strings.
    for (const key of ['a/2', 'a/1', 'b', 'a/\u{1F600}', 'a/\uFF5E', 'A']) await ctx.store.putObject({ bucket: 'b', key, body: bytes(key) });
    const keys = async (query: { prefix?: string; after?: string; limit?: number }): Promise<string[]> =>
      (await ctx.store.listObjects({ bucket: 'b', limit: 1000, ...query })).map((o) => o.key);
    assert.deepEqual(await keys({}), ['A', 'a/1', 'a/2', 'a/\uFF5E', 'a/\u{1F600}', 'b']);
    assert.deepEqual(await keys({ prefix: 'a/' }), ['a/1', 'a/2', 'a/\uFF5E', 'a/\u{1F600}']);
    assert.deepEqual(await keys({ prefix: 'a/', after: 'a/2', limit: 1 }), ['a/\uFF5E']);
    assert.deepEqual(await keys({ after: 'b' }), []);
  });

  test('objects, replacements and deletions survive a reopen', async (t) => {
    if (ctx.reopen === undefined) return t.skip('adapter cannot reopen');
    await ctx.store.createBucket(newBucket('b'));
    await ctx.store.putObject({ bucket: 'b', key: 'keep', body: bytes('v1'), metadata: { m: '1' }, lastModified: T0 });
    await ctx.store.putObject({ bucket: 'b', key: 'keep', body: bytes('v2'), metadata: { m: '2' }, lastModified: T0 + 1 });
    await ctx.store.putObject({ bucket: 'b', key: 'drop', body: bytes('x') });
    await ctx.store.deleteObject('b', 'drop');
    await ctx.reopen();
    const kept = await ctx.store.getObject('b', 'keep');
    assert.equal(text(kept?.body), 'v2');
    assert.deepEqual(kept?.metadata, { m: '2' });
    assert.equal(kept?.lastModified, T0 + 1);
    assert.equal(await ctx.store.headObject('b', 'drop'), undefined);
    assert.deepEqual((await ctx.store.listObjects({ bucket: 'b', limit: 10 })).map((o) => o.key), ['keep']);
  });
}

/** Listing and concurrency cases that an indexed adapter can get subtly wrong. */
export function objectOrderContract(ctx: ObjectStoreContext): void {
  test('a listing sees keys added and removed since the previous listing, across many pages', async () => {
    await ctx.store.createBucket(newBucket('b'));
    for (let i = 0; i < 30; i++) await ctx.store.putObject({ bucket: 'b', key: `k/${String(i).padStart(2, '0')}`, body: bytes('x') });
    assert.equal((await ctx.store.listObjects({ bucket: 'b', limit: 100 })).length, 30);
    await ctx.store.deleteObject('b', 'k/05');
    await ctx.store.putObject({ bucket: 'b', key: 'k/05a', body: bytes('y') });
    await ctx.store.putObject({ bucket: 'b', key: 'j', body: bytes('y') });
    const keys: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await ctx.store.listObjects({ bucket: 'b', prefix: 'k/', limit: 7, ...(after === undefined ? {} : { after }) });
      keys.push(...page.map((o) => o.key));
      if (page.length < 7) break;
      after = page[page.length - 1]?.key;
    }
    assert.equal(keys.length, 30);
    assert.ok(keys.includes('k/05a') && !keys.includes('k/05') && !keys.includes('j'));
    assert.deepEqual(keys, [...keys].sort());
    assert.deepEqual((await ctx.store.listObjects({ bucket: 'b', prefix: 'k/', after: 'a', limit: 1 })).map((o) => o.key), ['k/00']);
  });

  test('concurrent writes of one key commit in call order; the last write wins', async () => {
    await ctx.store.createBucket(newBucket('b'));
    await Promise.all(Array.from({ length: 10 }, (_, i) => ctx.store.putObject({ bucket: 'b', key: 'race', body: bytes(`v${i}`) })));
    assert.equal(text((await ctx.store.getObject('b', 'race'))?.body), 'v9');
    if (ctx.reopen !== undefined) {
      await ctx.reopen();
      assert.equal(text((await ctx.store.getObject('b', 'race'))?.body), 'v9');
    }
  });
}
