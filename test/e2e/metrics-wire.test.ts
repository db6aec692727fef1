import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { type CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { XMLParser } from 'fast-xml-parser';
import { expectAwsError } from './aws-assert.js';
import { REGION, type RunningServer, startServer, TEST_CREDENTIALS } from './harness.js';
import { minuteAgo, plusSeconds, uniqueNamespace } from './metrics-helpers.js';
import { send } from './raw-request.js';

const TIMEOUT = { timeout: 60_000 };
const XMLNS = 'http://monitoring.amazonaws.com/doc/2010-08-01/';
const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false });

/**
 * CloudWatch's two wires besides the SDK: hand-signed awsQuery form requests, raw awsJson1_0, and the `aws` CLI.
 * The installed CLI picks JSON by itself; to exercise each wire through a real client it runs here with its own
 * model rewritten to name one protocol (AWS_DATA_PATH), once for awsQuery and once for JSON.
 */
describe('CloudWatch on the awsQuery and JSON wires', { timeout: 180_000 }, () => {
  let server: RunningServer | undefined;
  let cw: CloudWatchClient;
  let scratch = '';

  before(async () => {
    server = await startServer();
    cw = server.cloudwatch();
    scratch = await mkdtemp(join(tmpdir(), 'modelwatch-metrics-cli-'));
  }, { timeout: 60_000 });
  after(async () => {
    await server?.stop();
    if (scratch !== '') await rm(scratch, { recursive: true, force: true });
  }, { timeout: 60_000 });

  const endpoint = (): string => server?.endpoint ?? '';
  const query = (params: Record<string, string>) => send(endpoint(), {
    service: 'monitoring',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams({ Version: '2010-08-01', ...params }).toString(),
  });

  test('a signed awsQuery form request puts, aggregates and lists metrics', TIMEOUT, async () => {
    const namespace = uniqueNamespace('query');
    const start = minuteAgo(10);
    const put = await query({
      Action: 'PutMetricData', Namespace: namespace,
      'MetricData.member.1.MetricName': 'Hits', 'MetricData.member.1.Value': '5', 'MetricData.member.1.Unit': 'Count',
      'MetricData.member.1.Timestamp': plusSeconds(start, 10).toISOString(),
      'MetricData.member.1.Dimensions.member.1.Name': 'Host', 'MetricData.member.1.Dimensions.member.1.Value': 'a',
      'MetricData.member.2.MetricName': 'Hits', 'MetricData.member.2.Values.member.1': '3', 'MetricData.member.2.Values.member.2': '4',
      'MetricData.member.2.Counts.member.1': '1', 'MetricData.member.2.Counts.member.2': '2', 'MetricData.member.2.Unit': 'Count',
      'MetricData.member.2.Timestamp': plusSeconds(start, 20).toISOString(),
      'MetricData.member.2.Dimensions.member.1.Name': 'Host', 'MetricData.member.2.Dimensions.member.1.Value': 'a',
    });
    assert.equal(put.status, 200, put.body);
    assert.match(put.body, new RegExp(`^<PutMetricDataResponse xmlns="${XMLNS}"><ResponseMetadata><RequestId>[-0-9a-f]+</RequestId></ResponseMetadata></PutMetricDataResponse>$`));

    const stats = await query({
      Action: 'GetMetricStatistics', Namespace: namespace, MetricName: 'Hits', 'Dimensions.member.1.Name': 'Host', 'Dimensions.member.1.Value': 'a',
      StartTime: start.toISOString(), EndTime: plusSeconds(start, 60).toISOString(), Period: '60',
      'Statistics.member.1': 'Sum', 'Statistics.member.2': 'SampleCount', 'Statistics.member.3': 'Maximum',
    });
    assert.equal(stats.status, 200, stats.body);
    const result = xml.parse(stats.body).GetMetricStatisticsResponse.GetMetricStatisticsResult;
    assert.equal(result.Label, 'Hits');
    // 5 + 3 + 4 + 4: four samples.
    assert.deepEqual(result.Datapoints.member, { Timestamp: start.toISOString().replace('.000Z', 'Z'), SampleCount: '4', Sum: '16', Maximum: '5', Unit: 'Count' });

    const listed = await query({ Action: 'ListMetrics', Namespace: namespace });
    assert.equal(listed.status, 200, listed.body);
    assert.deepEqual(xml.parse(listed.body).ListMetricsResponse.ListMetricsResult.Metrics.member, {
      Namespace: namespace, MetricName: 'Hits', Dimensions: { member: { Name: 'Host', Value: 'a' } },
    });
  });

  test('GetMetricData over awsQuery: metric math on form-encoded queries, XML results', TIMEOUT, async () => {
    const namespace = uniqueNamespace('query-gmd');
    const start = minuteAgo(10);
    const put = await query({
      Action: 'PutMetricData', Namespace: namespace,
      'MetricData.member.1.MetricName': 'Bytes', 'MetricData.member.1.Value': '300', 'MetricData.member.1.Timestamp': plusSeconds(start, 1).toISOString(),
      'MetricData.member.2.MetricName': 'Bytes', 'MetricData.member.2.Value': '500', 'MetricData.member.2.Timestamp': plusSeconds(start, 61).toISOString(),
    });
    assert.equal(put.status, 200, put.body);
    const metric = { 'MetricStat.Metric.Namespace': namespace, 'MetricStat.Metric.MetricName': 'Bytes', 'MetricStat.Period': '60', 'MetricStat.Stat': 'Sum' };
    const prefixed = (n: number, params: Record<string, string>) => Object.fromEntries(Object.entries(params).map(([k, v]) => [`MetricDataQueries.member.${n}.${k}`, v]));
    const response = await query({
      Action: 'GetMetricData', StartTime: start.toISOString(), EndTime: plusSeconds(start, 120).toISOString(), ScanBy: 'TimestampAscending',
      ...prefixed(1, { Id: 'b', ReturnData: 'false', ...metric }),
      ...prefixed(2, { Id: 'kb', Expression: 'b / 100', Label: 'hundreds' }),
    });
    assert.equal(response.status, 200, response.body);
    const result = xml.parse(response.body).GetMetricDataResponse.GetMetricDataResult;
    assert.deepEqual(result.MetricDataResults.member, {
      Id: 'kb', Label: 'hundreds', StatusCode: 'Complete',
      Timestamps: { member: [start, plusSeconds(start, 60)].map((d) => d.toISOString().replace('.000Z', 'Z')) },
      Values: { member: ['3', '5'] },
    });
  });

  test('awsQuery errors carry the query codes', TIMEOUT, async () => {
    const nan = await query({ Action: 'PutMetricData', Namespace: 'E2E/x', 'MetricData.member.1.MetricName': 'M', 'MetricData.member.1.Value': 'NaN' });
    assert.equal(nan.status, 400);
    const error = xml.parse(nan.body).ErrorResponse.Error;
    assert.deepEqual(error, { Type: 'Sender', Code: 'InvalidParameterValue', Message: 'The value NaN for parameter MetricData.member.1.Value is invalid.' });
    const missing = await query({ Action: 'PutMetricData', 'MetricData.member.1.MetricName': 'M', 'MetricData.member.1.Value': '1' });
    assert.equal(xml.parse(missing.body).ErrorResponse.Error.Code, 'MissingParameter');
    const alarms = await query({ Action: 'DescribeAlarms' });
    assert.equal(alarms.status, 400);
    assert.equal(xml.parse(alarms.body).ErrorResponse.Error.Code, 'InvalidAction');
  });

  test('awsJson1_0 errors carry x-amzn-query-error; unserved operations are unknown', TIMEOUT, async () => {
    const response = await send(endpoint(), {
      service: 'monitoring',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'GraniteServiceVersion20100801.PutMetricData', 'x-amzn-query-mode': 'true' },
      body: JSON.stringify({ Namespace: 'AWS/Lambda', MetricData: [{ MetricName: 'M', Value: 1 }] }),
    });
    assert.equal(response.status, 400);
    assert.equal(response.headers['x-amzn-query-error'], 'InvalidParameterValue;Sender');
    assert.equal(JSON.parse(response.body).__type, 'InvalidParameterValueException');
    await expectAwsError(cw.send(new DescribeAlarmsCommand({})), 'UnknownOperationException');
  });

  /** A botocore model folder naming only `protocol`, for AWS_DATA_PATH. */
  async function modelOverride(protocol: 'query' | 'json'): Promise<string> {
    const located = spawnSync('python3', ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'], { encoding: 'utf8' });
    const file = join(located.stdout.trim(), 'data/cloudwatch/2010-08-01/service-2.json.gz');
    const model = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as { metadata: Record<string, unknown> };
    model.metadata['protocol'] = protocol;
    model.metadata['protocols'] = [protocol];
    const root = join(scratch, protocol);
    await mkdir(join(root, 'cloudwatch/2010-08-01'), { recursive: true });
    await writeFile(join(root, 'cloudwatch/2010-08-01/service-2.json'), JSON.stringify(model));
    return root;
  }

  for (const protocol of ['query', 'json'] as const) {
    test(`the aws CLI over ${protocol}: put-metric-data, get-metric-statistics, list-metrics`, TIMEOUT, async () => {
      const dataPath = await modelOverride(protocol);
      const env = {
        PATH: process.env['PATH'] ?? '', HOME: scratch, AWS_DATA_PATH: dataPath,
        AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
        AWS_DEFAULT_REGION: REGION, AWS_CONFIG_FILE: join(scratch, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(scratch, 'none'),
        AWS_EC2_METADATA_DISABLED: 'true', AWS_MAX_ATTEMPTS: '1', AWS_PAGER: '',
      };
      const aws = (...args: string[]) => {
        const run = spawnSync('aws', ['cloudwatch', ...args, '--endpoint-url', endpoint(), '--output', 'json', '--debug'], { env, encoding: 'utf8' });
        assert.equal(run.status, 0, run.stderr.slice(-3000));
        return { out: run.stdout.trim() === '' ? undefined : JSON.parse(run.stdout) as unknown, debug: run.stderr };
      };
      const namespace = uniqueNamespace(`cli-${protocol}`);
      const start = minuteAgo(10);
      const put = aws('put-metric-data', '--namespace', namespace, '--metric-name', 'Jobs', '--unit', 'Count', '--value', '2',
        '--timestamp', plusSeconds(start, 5).toISOString(), '--dimensions', 'Queue=q1');
      // The wire the CLI really used.
      assert.match(put.debug, protocol === 'query' ? /Action=PutMetricData/ : /GraniteServiceVersion20100801\.PutMetricData/);
      aws('put-metric-data', '--namespace', namespace, '--metric-name', 'Jobs', '--unit', 'Count', '--value', '6',
        '--timestamp', plusSeconds(start, 50).toISOString(), '--dimensions', 'Queue=q1');
      const window = ['--start-time', start.toISOString(), '--end-time', plusSeconds(start, 60).toISOString(), '--period', '60'];
      const stats = aws('get-metric-statistics', '--namespace', namespace, '--metric-name', 'Jobs', '--dimensions', 'Name=Queue,Value=q1',
        ...window, '--statistics', 'Average', 'Sum').out as { Label: string; Datapoints: Array<Record<string, unknown>> };
      assert.equal(stats.Label, 'Jobs');
      assert.equal(stats.Datapoints.length, 1);
      const [point] = stats.Datapoints;
      // CLI v1 prints timestamps as they came over the wire: ISO text from awsQuery, epoch seconds from JSON.
      const timestamp = point?.['Timestamp'];
      assert.equal(typeof timestamp === 'number' ? timestamp * 1000 : Date.parse(String(timestamp)), start.getTime(), JSON.stringify(point));
      assert.deepEqual({ ...point, Timestamp: undefined }, { Timestamp: undefined, Average: 4, Sum: 8, Unit: 'Count' });

      const listed = aws('list-metrics', '--namespace', namespace).out;
      assert.deepEqual(listed, { Metrics: [{ Namespace: namespace, MetricName: 'Jobs', Dimensions: [{ Name: 'Queue', Value: 'q1' }] }] });

      const refused = spawnSync('aws', ['cloudwatch', 'get-metric-statistics', '--namespace', namespace, '--metric-name', 'Jobs', ...window,
        '--statistics', 'Sum', '--extended-statistics', 'p50', '--endpoint-url', endpoint()], { env, encoding: 'utf8' });
      assert.notEqual(refused.status, 0);
      assert.match(refused.stderr, /\(InvalidParameterCombination\).*Statistics and ExtendedStatistics are mutually exclusive/);
    });
  }
});
