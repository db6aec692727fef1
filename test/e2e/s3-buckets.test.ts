import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteBucketPolicyCommand,
  DeleteObjectCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { expectAwsError } from './aws-assert.js';
import { startServer, type RunningServer } from './harness.js';
import { bucketName } from './s3-helpers.js';
import { assertS3Error, sendS3 } from './s3-raw.js';

const OTHER = { accessKeyId: 'AKIAOTHERACCOUNT0001', secretAccessKey: 'other-secret' } as const;
const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'bedrock.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::x/*' }],
});

describe('S3 buckets through @aws-sdk/client-s3', () => {
  let server: RunningServer;
  let s3: S3Client;
  before(async () => {
    server = await startServer({ accessKeys: { [OTHER.accessKeyId]: { secretAccessKey: OTHER.secretAccessKey, accountId: '222222222222' } } });
    s3 = server.s3();
  });
  after(() => server.stop());

  test('CreateBucket answers Location; HeadBucket and GetBucketLocation report us-east-1', async () => {
    const name = bucketName();
    assert.equal((await s3.send(new CreateBucketCommand({ Bucket: name }))).Location, `/${name}`);
    const head = await s3.send(new HeadBucketCommand({ Bucket: name }));
    assert.equal(head.BucketRegion, 'us-east-1');
    assert.equal(head.$metadata.httpStatusCode, 200);
    assert.equal((await s3.send(new GetBucketLocationCommand({ Bucket: name }))).LocationConstraint, undefined);
  });

  test('a LocationConstraint must name the region the request is signed for', async () => {
    const eu = server.s3({ region: 'eu-west-1' });
    const name = bucketName();
    await s3.send(new CreateBucketCommand({ Bucket: bucketName() }));
    await eu.send(new CreateBucketCommand({ Bucket: name, CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    assert.equal((await s3.send(new GetBucketLocationCommand({ Bucket: name }))).LocationConstraint, 'eu-west-1');
    assert.equal((await s3.send(new HeadBucketCommand({ Bucket: name }))).BucketRegion, 'eu-west-1');
    // The JS SDK fills in LocationConstraint from its region, so the unspecified case needs a hand-signed request.
    const unspecified = await sendS3(server.endpoint, { method: 'PUT', path: `/${bucketName()}`, region: 'eu-west-1' });
    assertS3Error(unspecified, 400, 'IllegalLocationConstraintException');
    assert.match(unspecified.body, /The unspecified location constraint is incompatible/);
    await expectAwsError(
      s3.send(new CreateBucketCommand({ Bucket: bucketName(), CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } })),
      'IllegalLocationConstraintException',
      /The eu-west-1 location constraint is incompatible/,
    );
    await expectAwsError(
      eu.send(new CreateBucketCommand({ Bucket: bucketName(), CreateBucketConfiguration: { LocationConstraint: 'ap-south-1' } })),
      'IllegalLocationConstraintException',
    );
  });

  test('re-creating a bucket: your own is 409 outside us-east-1 (200 there, legacy), another account’s is BucketAlreadyExists', async () => {
    const eu = server.s3({ region: 'eu-west-1' });
    const euName = bucketName();
    await eu.send(new CreateBucketCommand({ Bucket: euName, CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    const owned = await expectAwsError(
      eu.send(new CreateBucketCommand({ Bucket: euName, CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } })),
      'BucketAlreadyOwnedByYou',
    );
    assert.equal(owned.$metadata?.httpStatusCode, 409);
    const usName = bucketName();
    await s3.send(new CreateBucketCommand({ Bucket: usName }));
    assert.equal((await s3.send(new CreateBucketCommand({ Bucket: usName }))).$metadata.httpStatusCode, 200);
    const other = server.s3({ credentials: OTHER });
    const taken = await expectAwsError(other.send(new CreateBucketCommand({ Bucket: usName })), 'BucketAlreadyExists', /bucket namespace is shared/);
    assert.equal(taken.$metadata?.httpStatusCode, 409);
  });

  test('bucket names follow S3’s rules', async () => {
    for (const bad of ['ab', 'UPPER-case', 'under_score', '-leading', 'trailing-', 'double..dot', '192.168.1.1', 'xn--punycode', 'x'.repeat(64)]) {
      const error = await expectAwsError(s3.send(new CreateBucketCommand({ Bucket: bad })), 'InvalidBucketName', /The specified bucket is not valid/);
      assert.equal(error['BucketName'], bad);
    }
    await s3.send(new CreateBucketCommand({ Bucket: `a.b-c.${bucketName()}`.slice(0, 63).replace(/-$/, 'z') }));
  });

  test('ListBuckets shows the caller’s account only, with owner, region and ARN', async () => {
    const mine = bucketName('mine');
    const theirs = bucketName('theirs');
    const other = server.s3({ credentials: OTHER });
    await s3.send(new CreateBucketCommand({ Bucket: mine }));
    await other.send(new CreateBucketCommand({ Bucket: theirs }));
    const listed = await s3.send(new ListBucketsCommand({}));
    const names = (listed.Buckets ?? []).map((b) => b.Name);
    assert.ok(names.includes(mine));
    assert.ok(!names.includes(theirs));
    assert.deepEqual([...names].sort(), names, 'sorted by name');
    const entry = listed.Buckets?.find((b) => b.Name === mine);
    assert.equal(entry?.BucketRegion, 'us-east-1');
    assert.equal(entry?.BucketArn, `arn:aws:s3:::${mine}`);
    assert.ok(entry?.CreationDate instanceof Date);
    assert.match(listed.Owner?.ID ?? '', /^[0-9a-f]{64}$/);
    assert.deepEqual((await other.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name), [theirs]);
    const page = await s3.send(new ListBucketsCommand({ MaxBuckets: 1 }));
    assert.equal(page.Buckets?.length, 1);
    assert.ok(page.ContinuationToken !== undefined);
    const next = await s3.send(new ListBucketsCommand({ MaxBuckets: 1000, ContinuationToken: page.ContinuationToken }));
    assert.ok(!(next.Buckets ?? []).some((b) => b.Name === page.Buckets?.[0]?.Name));
    // Another account's bucket: 403, which a HEAD carries without a body (the SDK cannot name it).
    const forbidden = await other.send(new HeadBucketCommand({ Bucket: mine })).then(() => undefined, (error: { $metadata?: { httpStatusCode?: number } }) => error);
    assert.equal(forbidden?.$metadata?.httpStatusCode, 403);
    await expectAwsError(other.send(new GetBucketLocationCommand({ Bucket: mine })), 'AccessDenied');
  });

  test('x-amz-expected-bucket-owner: the owning account passes, any other is AccessDenied', async () => {
    const name = bucketName();
    await s3.send(new CreateBucketCommand({ Bucket: name }));
    await s3.send(new PutObjectCommand({ Bucket: name, Key: 'k', Body: 'x', ExpectedBucketOwner: '000000000000' }));
    await expectAwsError(s3.send(new PutObjectCommand({ Bucket: name, Key: 'k', Body: 'x', ExpectedBucketOwner: '999999999999' })), 'AccessDenied');
    await expectAwsError(s3.send(new GetBucketLocationCommand({ Bucket: name, ExpectedBucketOwner: '999999999999' })), 'AccessDenied');
  });

  test('DeleteBucket: 204, BucketNotEmpty (409) while objects remain, NoSuchBucket (404) after; HeadBucket 404 is NotFound', async () => {
    const name = bucketName();
    await s3.send(new CreateBucketCommand({ Bucket: name }));
    await s3.send(new PutObjectCommand({ Bucket: name, Key: 'k', Body: 'x' }));
    const full = await expectAwsError(s3.send(new DeleteBucketCommand({ Bucket: name })), 'BucketNotEmpty');
    assert.equal(full.$metadata?.httpStatusCode, 409);
    await s3.send(new DeleteObjectCommand({ Bucket: name, Key: 'k' }));
    assert.equal((await s3.send(new DeleteBucketCommand({ Bucket: name }))).$metadata.httpStatusCode, 204);
    const gone = await expectAwsError(s3.send(new DeleteBucketCommand({ Bucket: name })), 'NoSuchBucket', /The specified bucket does not exist/);
    assert.equal(gone.$metadata?.httpStatusCode, 404);
    assert.equal(gone['BucketName'], name);
    const head = await expectAwsError(s3.send(new HeadBucketCommand({ Bucket: name })), 'NotFound');
    assert.equal(head.$metadata?.httpStatusCode, 404);
  });

  test('bucket policies: put (204), get as sent, MalformedPolicy, delete, NoSuchBucketPolicy', async () => {
    const name = bucketName();
    await s3.send(new CreateBucketCommand({ Bucket: name }));
    const missing = await expectAwsError(s3.send(new GetBucketPolicyCommand({ Bucket: name })), 'NoSuchBucketPolicy', /The bucket policy does not exist/);
    assert.equal(missing.$metadata?.httpStatusCode, 404);
    assert.equal((await s3.send(new PutBucketPolicyCommand({ Bucket: name, Policy: POLICY }))).$metadata.httpStatusCode, 204);
    assert.equal((await s3.send(new GetBucketPolicyCommand({ Bucket: name }))).Policy, POLICY);
    await expectAwsError(s3.send(new PutBucketPolicyCommand({ Bucket: name, Policy: 'not json' })), 'MalformedPolicy', /valid JSON/);
    await expectAwsError(s3.send(new PutBucketPolicyCommand({ Bucket: name, Policy: '[1,2]' })), 'MalformedPolicy');
    await expectAwsError(s3.send(new PutBucketPolicyCommand({ Bucket: name, Policy: '{"Version":"2012-10-17"}' })), 'MalformedPolicy', /Statement/);
    assert.equal((await s3.send(new DeleteBucketPolicyCommand({ Bucket: name }))).$metadata.httpStatusCode, 204);
    await expectAwsError(s3.send(new GetBucketPolicyCommand({ Bucket: name })), 'NoSuchBucketPolicy');
    await expectAwsError(s3.send(new PutBucketPolicyCommand({ Bucket: bucketName('none'), Policy: POLICY })), 'NoSuchBucket');
  });
});
