import assert from 'node:assert/strict';
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
});
