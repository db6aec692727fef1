import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, describe, test } from 'node:test';
import {
  CreateBucketCommand,
  GetBucketPolicyCommand,
  GetObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { expectAwsError } from './aws-assert.js';
import { startServer, type RunningServer } from './harness.js';
import { bucketName, drain } from './s3-helpers.js';

const POLICY = '{"Version":"2012-10-17","Statement":[]}';

describe('S3 data survives SIGKILL and is wiped by reset', { timeout: 120_000 }, () => {
  const servers: RunningServer[] = [];
  after(async () => {
    // Newest first: the first server owns the data folder and deletes it when stopped.
    for (const server of servers.reverse()) await server.stop();
  });

  test('every acknowledged bucket, object, replacement and policy is there after kill -9 and a restart', async () => {
    const first = await startServer({ allowReset: true });
    servers.push(first);
    const bucket = bucketName('durable');
    const s3 = first.s3();
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: POLICY }));
    for (let i = 0; i < 20; i++) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `obj/${i}`, Body: `version-1-${i}`, Metadata: { i: String(i) } }));
    }
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'obj/0', Body: 'version-2', ContentType: 'text/plain' }));
    await first.kill('SIGKILL');

    const second = await startServer({ dataDir: first.dataDir, allowReset: true });
    servers.push(second);
    const again = second.s3();
    const listed = await again.send(new ListObjectsV2Command({ Bucket: bucket }));
    assert.equal(listed.KeyCount, 20);
    const replaced = await again.send(new GetObjectCommand({ Bucket: bucket, Key: 'obj/0' }));
    assert.equal(await drain(replaced.Body), 'version-2');
    assert.equal(replaced.ContentType, 'text/plain');
    const kept = await again.send(new GetObjectCommand({ Bucket: bucket, Key: 'obj/7' }));
    assert.equal(await drain(kept.Body), 'version-1-7');
    assert.deepEqual(kept.Metadata, { i: '7' });
    assert.equal((await again.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy, POLICY);

    const reset = await fetch(`${second.endpoint}/_modelwatch/reset`, { method: 'POST' });
    assert.equal(reset.status, 200);
    assert.deepEqual((await again.send(new ListBucketsCommand({}))).Buckets ?? [], []);
    await expectAwsError(again.send(new GetObjectCommand({ Bucket: bucket, Key: 'obj/7' })), 'NoSuchBucket');
  });

  test('kill -9 mid-upload: every acknowledged object is whole; an unanswered one is whole or absent, never torn', async () => {
    const first = await startServer();
    servers.push(first);
    const bucket = bucketName('torn');
    const s3 = first.s3();
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const bodyOf = (writer: number, n: number): Buffer => Buffer.alloc(64 * 1024 + n, `${writer}:${n};`);
    const acked = new Set<string>();
    const attempted = new Map<string, Buffer>();
    const sharedVersions = new Map<string, Buffer[]>();
    let stop = false;
    const writer = async (id: number): Promise<void> => {
      for (let n = 0; !stop; n++) {
        const key = `w${id}/${n}`;
        attempted.set(key, bodyOf(id, n));
        // Every writer rewrites one shared key too, so replacements are killed mid-flight as well.
        const target = n % 3 === 0 ? `shared/${id % 2}` : key;
        if (target !== key) sharedVersions.set(target, [...(sharedVersions.get(target) ?? []), bodyOf(id, n)]);
        try {
          await s3.send(new PutObjectCommand({ Bucket: bucket, Key: target, Body: bodyOf(id, n) }));
          if (target === key) acked.add(key);
        } catch {
          return;
        }
      }
    };
    let running = 4;
    const writers = [0, 1, 2, 3].map((id) => writer(id).finally(() => { running -= 1; }));
    while (acked.size < 40 && running > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.ok(acked.size >= 40, `writers stopped early:\n${first.output()}`);
    await first.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);

    const second = await startServer({ dataDir: first.dataDir });
    servers.push(second);
    const again = second.s3();
    const listed = await again.send(new ListObjectsV2Command({ Bucket: bucket }));
    const present = new Set((listed.Contents ?? []).map((c) => c.Key ?? ''));
    for (const key of acked) assert.ok(present.has(key), `acknowledged ${key} is missing`);
    for (const key of present) {
      const got = await again.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const body = Buffer.from(await got.Body!.transformToByteArray());
      if (key.startsWith('shared/')) {
        assert.ok((sharedVersions.get(key) ?? []).some((version) => version.equals(body)), `${key} holds one whole version`);
      } else {
        assert.deepEqual(body, attempted.get(key), `${key} is exactly what was sent`);
      }
      assert.equal(got.ETag, `"${createHash('md5').update(body).digest('hex')}"`, `${key}: ETag and body agree`);
    }
  });
});
