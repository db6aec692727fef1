import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REGION, TEST_CREDENTIALS, startServer, type RunningServer } from './harness.js';
import { bucketName } from './s3-helpers.js';

/** boto3 against the server, path style and virtual-host style, with botocore's default checksums. */
const SCRIPT = String.raw`
import json, sys, urllib.request
import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint, bucket, style = sys.argv[1], sys.argv[2], sys.argv[3]
# signature_version s3v4: botocore presigns with SigV2 otherwise, which ModelWatch (like newer AWS regions) does not take.
s3 = boto3.client('s3', endpoint_url=endpoint, config=Config(s3={'addressing_style': style}, signature_version='s3v4', retries={'max_attempts': 1}))
out = {}
s3.create_bucket(Bucket=bucket)
put = s3.put_object(Bucket=bucket, Key='dir/hello.txt', Body=b'hello from boto3', ContentType='text/plain', Metadata={'origin': 'python'})
out['etag'] = put['ETag']
got = s3.get_object(Bucket=bucket, Key='dir/hello.txt')
out['body'] = got['Body'].read().decode()
out['contentType'] = got['ContentType']
out['metadata'] = got['Metadata']
out['range'] = s3.get_object(Bucket=bucket, Key='dir/hello.txt', Range='bytes=0-4')['Body'].read().decode()
out['head'] = s3.head_object(Bucket=bucket, Key='dir/hello.txt')['ContentLength']
for i in range(5):
    s3.put_object(Bucket=bucket, Key='page/%d' % i, Body=b'x' * i)
keys = []
for page in s3.get_paginator('list_objects_v2').paginate(Bucket=bucket, Prefix='page/', PaginationConfig={'PageSize': 2}):
    keys += [c['Key'] for c in page.get('Contents', [])]
out['paged'] = keys
top = s3.list_objects_v2(Bucket=bucket, Delimiter='/')
out['prefixes'] = [p['Prefix'] for p in top.get('CommonPrefixes', [])]
url = s3.generate_presigned_url('get_object', Params={'Bucket': bucket, 'Key': 'dir/hello.txt'}, ExpiresIn=300)
out['presigned'] = urllib.request.urlopen(url).read().decode()
deleted = s3.delete_objects(Bucket=bucket, Delete={'Objects': [{'Key': k} for k in keys]})
out['deleted'] = sorted(d['Key'] for d in deleted.get('Deleted', []))
s3.delete_object(Bucket=bucket, Key='dir/hello.txt')
try:
    s3.get_object(Bucket=bucket, Key='dir/hello.txt')
except ClientError as e:
    out['missing'] = [e.response['Error']['Code'], e.response['ResponseMetadata']['HTTPStatusCode']]
s3.delete_bucket(Bucket=bucket)
out['buckets'] = [b['Name'] for b in s3.list_buckets()['Buckets']]
print(json.dumps(out))
`;

describe('S3 through boto3', () => {
  let server: RunningServer;
  let home: string;
  before(async () => {
    server = await startServer();
    home = await mkdtemp(join(tmpdir(), 'modelwatch-boto3-'));
  });
  after(async () => {
    await server.stop();
    await rm(home, { recursive: true, force: true });
  });

  for (const style of ['path', 'virtual'] as const) {
    test(`put, get, range, head, paginated list, presigned GET, delete_objects, delete (${style} style)`, () => {
      const bucket = bucketName('boto');
      // Virtual-host style needs <bucket>.localhost to resolve, which glibc does not do: the script then resolves it.
      const endpoint = style === 'path' ? server.endpoint : `http://localhost:${server.port}`;
      const env = {
        PATH: process.env.PATH, HOME: home, AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
        AWS_DEFAULT_REGION: REGION, AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: join(home, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      };
      const script = style === 'path' ? SCRIPT : RESOLVE_LOCALHOST + SCRIPT;
      const run = spawnSync('python3', ['-c', script, endpoint, bucket, style], { env, encoding: 'utf8', timeout: 60_000 });
      assert.equal(run.status, 0, `${run.stderr}\n${server.output()}`);
      const out = JSON.parse(run.stdout) as Record<string, unknown>;
      assert.match(String(out['etag']), /^"[0-9a-f]{32}"$/);
      assert.equal(out['body'], 'hello from boto3');
      assert.equal(out['contentType'], 'text/plain');
      assert.deepEqual(out['metadata'], { origin: 'python' });
      assert.equal(out['range'], 'hello');
      assert.equal(out['head'], 16);
      assert.deepEqual(out['paged'], ['page/0', 'page/1', 'page/2', 'page/3', 'page/4']);
      assert.deepEqual(out['prefixes'], ['dir/', 'page/']);
      assert.equal(out['presigned'], 'hello from boto3');
      assert.deepEqual(out['deleted'], ['page/0', 'page/1', 'page/2', 'page/3', 'page/4']);
      assert.deepEqual(out['missing'], ['NoSuchKey', 404]);
      assert.ok(!(out['buckets'] as string[]).includes(bucket));
    });
  }
});

/** Makes Python resolve every `*.localhost` name to the loopback address, as systemd-resolved would. */
const RESOLVE_LOCALHOST = String.raw`
import socket
_real = socket.getaddrinfo
def _loopback(host, *args, **kwargs):
    if isinstance(host, str) and host.endswith('.localhost'):
        host = '127.0.0.1'
    return _real(host, *args, **kwargs)
socket.getaddrinfo = _loopback
`;
