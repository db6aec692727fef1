import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { REGION, type RunningServer, startServer, TEST_CREDENTIALS } from './harness.js';
import { minuteAgo, plusSeconds, uniqueNamespace } from './metrics-helpers.js';
import { send } from './raw-request.js';

const TIMEOUT = { timeout: 60_000 };

/**
 * The unmodified `aws` CLI and boto3 on botocore's own rpcv2Cbor serializer and parser. CloudWatch's model lists
 * `[smithy-rpc-v2-cbor, json, query]` and botocore 1.43 ranks json above cbor, so on its own it picks JSON: an
 * AWS_DATA_PATH copy of botocore's installed CloudWatch model naming only CBOR makes it pick CBOR (the first test
 * checks it did). HOME is a fresh folder so no ~/.aws/models override applies.
 */
describe('CloudWatch on the rpcv2Cbor wire (aws CLI, boto3)', { timeout: 180_000 }, () => {
  let server: RunningServer | undefined;
  let home = '';

  before(async () => {
    server = await startServer();
    home = await mkdtemp(join(tmpdir(), 'modelwatch-cbor-home-'));
    await writeCborModel(join(home, 'models'));
  }, { timeout: 60_000 });
  after(async () => {
    await server?.stop();
    if (home !== '') await rm(home, { recursive: true, force: true });
  }, { timeout: 60_000 });

  const env = (): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH, HOME: home, AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey, AWS_DEFAULT_REGION: REGION,
    AWS_DATA_PATH: join(home, 'models'), AWS_EC2_METADATA_DISABLED: 'true', AWS_PAGER: '',
    AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'), AWS_MAX_ATTEMPTS: '1',
  });
  const aws = (...args: string[]) => spawnSync('aws', ['cloudwatch', ...args, '--endpoint-url', server?.endpoint ?? '', '--output', 'json'], { env: env(), encoding: 'utf8' });
  const awsJson = (...args: string[]): Record<string, unknown> => {
    const run = aws(...args);
    assert.equal(run.status, 0, `aws ${args[0]} failed: ${run.stderr}\n${server?.output() ?? ''}`);
    return run.stdout.trim() === '' ? {} : JSON.parse(run.stdout) as Record<string, unknown>;
  };

  test('the CLI really speaks rpcv2Cbor to the CBOR route', TIMEOUT, () => {
    const run = aws('list-metrics', '--namespace', uniqueNamespace('cbor-probe'), '--debug');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /\/service\/GraniteServiceVersion20100801\/operation\/ListMetrics/);
    assert.match(run.stderr, /'smithy-protocol': b?'rpc-v2-cbor'/);
  });

  test('put-metric-data, list-metrics, get-metric-statistics and get-metric-data round-trip', TIMEOUT, () => {
    const namespace = uniqueNamespace('cbor-cli');
    const start = minuteAgo(10);
    const at = plusSeconds(start, 30);
    const data = [
      { MetricName: 'Hits', Value: 5, Unit: 'Count', Timestamp: at.toISOString(), Dimensions: [{ Name: 'Host', Value: 'a' }] },
      { MetricName: 'Hits', Values: [3, 4], Counts: [1, 2], Unit: 'Count', Timestamp: plusSeconds(at, 5).toISOString(), Dimensions: [{ Name: 'Host', Value: 'a' }] },
    ];
    awsJson('put-metric-data', '--namespace', namespace, '--metric-data', JSON.stringify(data));

    const listed = awsJson('list-metrics', '--namespace', namespace);
    assert.deepEqual(listed.Metrics, [{ Namespace: namespace, MetricName: 'Hits', Dimensions: [{ Name: 'Host', Value: 'a' }] }]);

    const window = ['--start-time', start.toISOString(), '--end-time', plusSeconds(start, 120).toISOString()];
    const stats = awsJson('get-metric-statistics', '--namespace', namespace, '--metric-name', 'Hits', '--dimensions', 'Name=Host,Value=a',
      ...window, '--period', '60', '--statistics', 'Sum', 'SampleCount', 'Maximum', 'Minimum');
    assert.equal(stats.Label, 'Hits');
    const points = stats.Datapoints as Array<Record<string, unknown>>;
    assert.equal(points.length, 1);
    // CLI v1 prints timestamps as received (cli_timestamp_format none): the tag-1 item's epoch seconds.
    assert.equal(points[0]?.Timestamp, start.getTime() / 1000);
    assert.deepEqual({ ...points[0], Timestamp: undefined }, { Timestamp: undefined, Sum: 16, SampleCount: 4, Maximum: 5, Minimum: 3, Unit: 'Count' });

    const queries = [{ Id: 'hits', MetricStat: { Metric: { Namespace: namespace, MetricName: 'Hits', Dimensions: [{ Name: 'Host', Value: 'a' }] }, Period: 60, Stat: 'Sum' } }];
    const result = awsJson('get-metric-data', '--metric-data-queries', JSON.stringify(queries), ...window);
    const series = (result.MetricDataResults as Array<Record<string, unknown>>)[0];
    assert.equal(series?.Id, 'hits');
    assert.equal(series?.StatusCode, 'Complete');
    assert.deepEqual(series?.Values, [16]);
    const stamps = series?.Timestamps as unknown[];
    assert.equal(stamps.length, 1);
    assert.deepEqual(stamps, [start.getTime() / 1000]);
  });

  test('a bad StorageResolution is InvalidParameterValue in the CLI error text', TIMEOUT, () => {
    const run = aws('put-metric-data', '--namespace', uniqueNamespace('cbor-bad'), '--metric-data',
      JSON.stringify([{ MetricName: 'Hits', Value: 1, StorageResolution: 5 }]));
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /\(InvalidParameterValue\) when calling the PutMetricData operation/);
    assert.match(run.stderr, /StorageResolution must be a value in the set \[ 1, 60 \]/);
  });

  test('tagging over CBOR: unknown alarm is ResourceNotFoundException with its members, a bad ARN InvalidParameterValue', TIMEOUT, () => {
    const arn = 'arn:aws:cloudwatch:us-east-1:000000000000:alarm:no-such-alarm';
    const missing = aws('tag-resource', '--resource-arn', arn, '--tags', 'Key=team,Value=ml');
    assert.notEqual(missing.status, 0);
    assert.match(missing.stderr, /\(ResourceNotFoundException\) when calling the TagResource operation: The specified alarm no-such-alarm does not exist\./);
    const listed = aws('list-tags-for-resource', '--resource-arn', arn);
    assert.match(listed.stderr, /\(ResourceNotFoundException\) when calling the ListTagsForResource operation/);
    const bad = aws('untag-resource', '--resource-arn', 'arn:aws:logs:us-east-1:000000000000:log-group:g', '--tag-keys', 'team');
    assert.match(bad.stderr, /\(InvalidParameterValue\) when calling the UntagResource operation: The value arn:aws:logs:us-east-1:000000000000:log-group:g for parameter ResourceARN is invalid\./);
  });

  test('an operation CloudWatch lacks is UnknownOperationException on the CBOR wire', TIMEOUT, async () => {
    const response = await send(server?.endpoint ?? '', {
      service: 'monitoring', path: '/service/GraniteServiceVersion20100801/operation/FlyToTheMoon',
      headers: { 'content-type': 'application/cbor', 'smithy-protocol': 'rpc-v2-cbor', accept: 'application/cbor' },
      body: Buffer.from([0xa0]),
    });
    assert.equal(response.status, 400);
    assert.equal(response.headers['smithy-protocol'], 'rpc-v2-cbor');
    assert.equal(response.headers['x-amzn-query-error'], 'UnknownOperationException;Sender');
    assert.match(response.body, /__type.*UnknownOperationException/s);
  });

  test('boto3 puts and reads back a datapoint over CBOR', TIMEOUT, () => {
    const namespace = uniqueNamespace('cbor-boto3');
    const script = `
import boto3, datetime, json, sys
cw = boto3.client('cloudwatch', endpoint_url=sys.argv[1])
assert cw.meta.service_model.resolved_protocol == 'smithy-rpc-v2-cbor', cw.meta.service_model.resolved_protocol
now = datetime.datetime.now(datetime.timezone.utc).replace(second=0, microsecond=0) - datetime.timedelta(minutes=5)
cw.put_metric_data(Namespace=sys.argv[2], MetricData=[{'MetricName': 'Latency', 'Value': 42.5, 'Unit': 'Milliseconds', 'Timestamp': now + datetime.timedelta(seconds=10)}])
got = cw.get_metric_statistics(Namespace=sys.argv[2], MetricName='Latency', StartTime=now, EndTime=now + datetime.timedelta(minutes=1), Period=60, Statistics=['Average'])
p = got['Datapoints'][0]
print(json.dumps({'ts': p['Timestamp'].isoformat(), 'expected': now.isoformat(), 'avg': p['Average'], 'unit': p['Unit']}))
`;
    const run = spawnSync('python3', ['-c', script, server?.endpoint ?? '', namespace], { env: env(), encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.equal(out.ts, out.expected);
    assert.equal(out.avg, 42.5);
    assert.equal(out.unit, 'Milliseconds');
  });
});

/** botocore's installed CloudWatch model, rewritten to name only the rpcv2Cbor protocol, under `root` (AWS_DATA_PATH). */
async function writeCborModel(root: string): Promise<void> {
  const located = spawnSync('python3', ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'], { encoding: 'utf8' });
  const file = join(located.stdout.trim(), 'data/cloudwatch/2010-08-01/service-2.json.gz');
  const model = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as { metadata: Record<string, unknown> };
  model.metadata['protocol'] = 'smithy-rpc-v2-cbor';
  model.metadata['protocols'] = ['smithy-rpc-v2-cbor'];
  await mkdir(join(root, 'cloudwatch/2010-08-01'), { recursive: true });
  await writeFile(join(root, 'cloudwatch/2010-08-01/service-2.json'), JSON.stringify(model));
}
