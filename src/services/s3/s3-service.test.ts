import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock, type Caller, type RequestContext } from '../../kernel/index.js';
import type { ListObjectsV2Output } from '../../models/s3/index.js';
import { createS3Service } from './create-s3-service.js';
import { memoryObjectStore } from './memory-object-store.test-support.js';

const T0 = Date.UTC(2026, 5, 1);

function harness() {
  const clock = new ManualClock(T0);
  const store = memoryObjectStore(() => clock.now());
  const service = createS3Service({ store });
  const ctx = (accountId = '111111111111', region = 'us-east-1'): RequestContext => {
    const caller: Caller = { accountId, region, accessKeyId: 'AKIA', arn: `arn:aws:iam::${accountId}:root`, userId: accountId };
    return { caller, requestId: 'r', clock };
  };
  const call = async <T = unknown>(operation: string, input: unknown, context = ctx()): Promise<T> => {
    const handler = service.operations.get(operation);
    assert.ok(handler, operation);
    return (await handler(input, context)) as T;
  };
  return { store, call, ctx, clock };
}

describe('S3 service', () => {
  it('lists across the store’s 1,000-key batches: a common prefix spanning batches is one entry', async () => {
    const h = harness();
    await h.call('CreateBucket', { Bucket: 'big', HasConfiguration: false });
    const keys = [...Array.from({ length: 2500 }, (_, i) => `a/${String(i).padStart(4, '0')}`), 'b/x', 'c'];
    for (const key of keys) await h.store.putObject({ bucket: 'big', key, body: new Uint8Array() });
    const rolled = await h.call<ListObjectsV2Output>('ListObjectsV2', { Bucket: 'big', Delimiter: '/' });
    assert.deepEqual(rolled.CommonPrefixes, ['a/', 'b/']);
    assert.deepEqual(rolled.Contents.map((c) => c.Key), ['c']);
    assert.equal(rolled.IsTruncated, false);

    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page: ListObjectsV2Output = await h.call('ListObjectsV2', { Bucket: 'big', ...(token === undefined ? {} : { ContinuationToken: token }) });
      seen.push(...page.Contents.map((c) => c.Key));
      token = page.NextContinuationToken;
      pages += 1;
    } while (token !== undefined);
    assert.equal(pages, 3);
    assert.deepEqual(seen, keys);
  });

  it('a page boundary right after a common prefix resumes past every key under it', async () => {
    const h = harness();
    await h.call('CreateBucket', { Bucket: 'bkt', HasConfiguration: false });
    for (const key of ['a/1', 'a/2', 'b/1', 'c']) await h.store.putObject({ bucket: 'bkt', key, body: new Uint8Array() });
    const first = await h.call<ListObjectsV2Output>('ListObjectsV2', { Bucket: 'bkt', Delimiter: '/', MaxKeys: '1' });
    assert.deepEqual(first.CommonPrefixes, ['a/']);
    const second = await h.call<ListObjectsV2Output>('ListObjectsV2', { Bucket: 'bkt', Delimiter: '/', MaxKeys: '1', ContinuationToken: first.NextContinuationToken });
    assert.deepEqual(second.CommonPrefixes, ['b/']);
    const third = await h.call<ListObjectsV2Output>('ListObjectsV2', { Bucket: 'bkt', Delimiter: '/', MaxKeys: '1', ContinuationToken: second.NextContinuationToken });
    assert.deepEqual(third.Contents.map((c) => c.Key), ['c']);
    assert.equal(third.IsTruncated, false);
  });

  it('CreateBucket: location rules per signing region, and names are global across accounts', async () => {
    const h = harness();
    await assert.rejects(h.call('CreateBucket', { Bucket: 'xx1', HasConfiguration: true, LocationConstraint: 'us-east-1' }), { code: 'InvalidLocationConstraint' });
    await assert.rejects(h.call('CreateBucket', { Bucket: 'xx1', HasConfiguration: false }, h.ctx('111111111111', 'eu-west-1')), { code: 'IllegalLocationConstraintException' });
    await h.call('CreateBucket', { Bucket: 'xx1', HasConfiguration: true, LocationConstraint: 'eu-west-1' }, h.ctx('111111111111', 'eu-west-1'));
    assert.equal((await h.store.getBucket('xx1'))?.region, 'eu-west-1');
    assert.equal((await h.store.getBucket('xx1'))?.createdAt, T0);
    await assert.rejects(h.call('CreateBucket', { Bucket: 'xx1', HasConfiguration: false }, h.ctx('222222222222')), { code: 'BucketAlreadyExists', httpStatus: 409 });
    await assert.rejects(h.call('HeadBucket', { Bucket: 'xx1' }, h.ctx('222222222222')), { code: 'AccessDenied', httpStatus: 403 });
    await assert.rejects(h.call('CreateBucket', { Bucket: 'Bad_Name', HasConfiguration: false }), { code: 'InvalidBucketName' });
  });

  it('PutObject stamps Last-Modified from the clock and GetObject reports it, with the default content type', async () => {
    const h = harness();
    await h.call('CreateBucket', { Bucket: 'bkt', HasConfiguration: false });
    h.clock.advance(5_000);
    await h.call('PutObject', { Bucket: 'bkt', Key: 'k', Body: new Uint8Array([1]), Metadata: {} });
    const got = await h.call<{ LastModified: number; ContentType: string }>('GetObject', { Bucket: 'bkt', Key: 'k' });
    assert.equal(got.LastModified, T0 + 5_000);
    assert.equal(got.ContentType, 'binary/octet-stream');
    await assert.rejects(h.call('PutObject', { Bucket: 'bkt', Key: 'k'.repeat(1025), Body: new Uint8Array(), Metadata: {} }), { code: 'KeyTooLongError' });
    await assert.rejects(h.call('PutObject', { Bucket: 'bkt', Key: 'm', Body: new Uint8Array(), Metadata: { big: 'x'.repeat(2100) } }), { code: 'MetadataTooLarge' });
  });
});
