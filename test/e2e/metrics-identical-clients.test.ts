import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as sdk from '@aws-sdk/client-cloudwatch';
import { expectAwsError } from './aws-assert.js';
import { type RunningServer, startServer, TEST_ACCOUNT, uniqueName } from './harness.js';
import { type Call, clientEnv, type Outcome, revive, viaBoto3, viaDebianCli } from './metrics-clients.js';
import { minuteAgo, summarize } from './metrics-helpers.js';

/**
 * The "identical across clients" check of issue 3: every CloudWatch operation and its main errors, sent as the same
 * calls by the JS SDK (awsJson1_0), Debian's awscli 2.9 (awsQuery) and boto3 (awsJson1_0), each into its own
 * namespace; the three must answer the same results and the same error codes and messages, and the statistics
 * must equal values computed here.
 */

const NS = '<namespace>';
const ALARM_ARN = `arn:aws:cloudwatch:us-east-1:${TEST_ACCOUNT}:alarm:no-such-alarm`;

function scenario(start: Date): { writes: Call[]; reads: Call[] } {
  const at = (seconds: number) => ({ $date: new Date(start.getTime() + seconds * 1000).toISOString() });
  const window = { StartTime: at(0), EndTime: at(120) };
  const model = [{ Name: 'Model', Value: 'm1' }];
  return {
    writes: [{
      operation: 'PutMetricData',
      input: {
        Namespace: NS,
        MetricData: [
          { MetricName: 'Latency', Dimensions: model, Timestamp: at(5), Values: [10, 20, 30], Counts: [1, 2, 1], Unit: 'Milliseconds' },
          { MetricName: 'Latency', Dimensions: model, Timestamp: at(65), StatisticValues: { SampleCount: 4, Sum: 100, Minimum: 10, Maximum: 40 }, Unit: 'Milliseconds' },
          { MetricName: 'Requests', Dimensions: model, Timestamp: at(5), Value: 3, Unit: 'Count' },
          { MetricName: 'Requests', Dimensions: model, Timestamp: at(70), Value: 5, Unit: 'Count' },
        ],
      },
    }],
    reads: [
      { operation: 'GetMetricStatistics', input: { Namespace: NS, MetricName: 'Latency', Dimensions: model, ...window, Period: 60, Statistics: ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'] } },
      { operation: 'GetMetricStatistics', input: { Namespace: NS, MetricName: 'Latency', Dimensions: model, StartTime: at(0), EndTime: at(60), Period: 60, ExtendedStatistics: ['p50', 'p100'] } },
      {
        operation: 'GetMetricData',
        input: {
          ...window, ScanBy: 'TimestampAscending',
          MetricDataQueries: [
            { Id: 'lat', MetricStat: { Metric: { Namespace: NS, MetricName: 'Latency', Dimensions: model }, Period: 60, Stat: 'Sum' } },
            { Id: 'req', MetricStat: { Metric: { Namespace: NS, MetricName: 'Requests', Dimensions: model }, Period: 60, Stat: 'Sum' }, ReturnData: false },
            { Id: 'per', Expression: 'lat / req', Label: 'ms per request' },
          ],
        },
      },
      { operation: 'ListMetrics', input: { Namespace: NS } },
      { operation: 'ListMetrics', input: { Namespace: NS, MetricName: 'Requests', Dimensions: [{ Name: 'Model' }] } },
      { operation: 'TagResource', input: { ResourceARN: ALARM_ARN, Tags: [{ Key: 'team', Value: 'ml' }] } },
      { operation: 'ListTagsForResource', input: { ResourceARN: ALARM_ARN } },
      { operation: 'UntagResource', input: { ResourceARN: 'arn:aws:cloudwatch:us-east-1:000000000000:widget/x', TagKeys: ['team'] } },
      { operation: 'PutMetricData', input: { Namespace: 'AWS/EC2', MetricData: [{ MetricName: 'M', Value: 1 }] } },
      { operation: 'PutMetricData', input: { Namespace: NS, MetricData: [{ MetricName: 'M', Value: 1, StatisticValues: { SampleCount: 1, Sum: 1, Minimum: 1, Maximum: 1 } }] } },
      { operation: 'GetMetricStatistics', input: { Namespace: NS, MetricName: 'Latency', ...window, Period: 60, Statistics: ['Sum'], ExtendedStatistics: ['p50'] } },
      { operation: 'GetMetricData', input: { ...window, MetricDataQueries: [{ Id: 'Upper', MetricStat: { Metric: { Namespace: NS, MetricName: 'Latency' }, Period: 60, Stat: 'Sum' } }] } },
      { operation: 'ListMetrics', input: { Namespace: NS, NextToken: 'not-a-token' } },
    ],
  };
}

/** The namespace placeholder filled in for one client; results get it back so they compare across clients. */
function withNamespace(calls: readonly Call[], namespace: string): Call[] {
  return calls.map((c) => ({ ...c, input: JSON.parse(JSON.stringify(c.input).replaceAll(NS, namespace)) as Record<string, unknown> }));
}
function neutral(outcome: Outcome, namespace: string): unknown {
  const { debug: _debug, ...rest } = outcome as Outcome & { debug?: string };
  return sortLists(JSON.parse(JSON.stringify(rest).replaceAll(namespace, NS)));
}
/** Datapoints are unordered on AWS and metrics come in ASCII order: compare GetMetricStatistics by timestamp. */
function sortLists(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && 'ok' in value) {
    const ok = (value as { ok: Record<string, unknown> }).ok;
    if (Array.isArray(ok['Datapoints'])) ok['Datapoints'] = [...ok['Datapoints']].sort((a, b) => Number(a.Timestamp) - Number(b.Timestamp));
  }
  return value;
}

async function viaSdk(client: sdk.CloudWatchClient, call: Call): Promise<Outcome> {
  const Command = (sdk as unknown as Record<string, new (input: unknown) => sdk.PutMetricDataCommand>)[`${call.operation}Command`];
  assert.ok(Command, call.operation);
  try {
    const { $metadata: _metadata, ...output } = (await client.send(new Command(revive(call.input, true)))) as unknown as Record<string, unknown>;
    return { ok: output };
  } catch (error) {
    const e = error as { name: string; message: string; Code?: string };
    return { error: { code: e.Code ?? e.name, message: e.message } };
  }
}

/** Dates inside SDK output serialize as ISO strings; turn them into epoch ms like the other clients'. */
function sdkTimes(outcome: Outcome): Outcome {
  return JSON.parse(JSON.stringify(outcome), (_k, v: unknown) =>
    typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(v) ? Date.parse(v) : v) as Outcome;
}

describe('CloudWatch answers identically to the JS SDK (JSON), Debian awscli 2.9 (Query) and boto3 (JSON)', { timeout: 180_000 }, () => {
  let server: RunningServer | undefined;
  let scratch = '';
  before(async () => {
    server = await startServer();
    scratch = await mkdtemp(join(tmpdir(), 'modelwatch-clients-'));
  }, { timeout: 60_000 });
  after(async () => {
    await server?.stop();
    await rm(scratch, { recursive: true, force: true });
  }, { timeout: 60_000 });

  test('Debian\'s awscli is installed at /usr/bin/aws', () => {
    assert.ok(existsSync('/usr/bin/aws'), 'this test drives Debian\'s awscli 2.9 (awsQuery): apt-get install awscli (.ci/run does)');
  });

  test('every operation and its main errors', async () => {
    const start = minuteAgo(15);
    const { writes, reads } = scenario(start);
    const env = clientEnv(scratch);
    const endpoint = server!.endpoint;
    const names = { sdk: uniqueName('E2E/sdk'), cli: uniqueName('E2E/cli'), boto3: uniqueName('E2E/boto3') };
    const client = server!.cloudwatch();

    const sdkOut: Outcome[] = [];
    for (const call of [...withNamespace(writes, names.sdk), ...withNamespace(reads, names.sdk)]) sdkOut.push(sdkTimes(await viaSdk(client, call)));
    const cliWrites = await Promise.all(withNamespace(writes, names.cli).map((call) => viaDebianCli(endpoint, env, call, true)));
    const cliReads = await Promise.all(withNamespace(reads, names.cli).map((call) => viaDebianCli(endpoint, env, call)));
    const cliOut = [...cliWrites, ...cliReads];
    const botoOut = await viaBoto3(endpoint, env, withNamespace([...writes, ...reads], names.boto3));

    // Debian's CLI really spoke awsQuery.
    assert.match(cliWrites[0]!.debug, /'body': \{'Action': 'PutMetricData', 'Version': '2010-08-01'/);
    const operations = [...writes, ...reads].map((c) => c.operation);
    operations.forEach((operation, i) => {
      const expected = neutral(sdkOut[i]!, names.sdk);
      assert.deepEqual(neutral(cliOut[i]!, names.cli), expected, `awscli 2.9 (Query) differs from the JS SDK on call ${i + 1} (${operation})`);
      assert.deepEqual(neutral(botoOut[i]!, names.boto3), expected, `boto3 differs from the JS SDK on call ${i + 1} (${operation})`);
    });

    // The results themselves, computed independently.
    const t = start.getTime();
    const firstMinute = summarize([10, 20, 20, 30]);
    const ok = (i: number) => (sdkOut[i] as { ok: Record<string, unknown> }).ok;
    assert.deepEqual(ok(0), {});
    assert.deepEqual(neutral(sdkOut[1]!, names.sdk), { ok: { Label: 'Latency', Datapoints: [
      { Timestamp: t, ...firstMinute, Unit: 'Milliseconds' },
      { Timestamp: t + 60_000, SampleCount: 4, Sum: 100, Minimum: 10, Maximum: 40, Average: 25, Unit: 'Milliseconds' },
    ] } });
    const percentiles = (ok(2)['Datapoints'] as Array<{ ExtendedStatistics: Record<string, number> }>)[0]!.ExtendedStatistics;
    assert.ok(Math.abs(percentiles['p50']! - 20) <= 0.2 && Math.abs(percentiles['p100']! - 30) <= 0.3, JSON.stringify(percentiles));
    const data = ok(3)['MetricDataResults'] as Array<{ Id: string; Label: string; Timestamps: number[]; Values: number[]; StatusCode: string }>;
    assert.deepEqual(data.map((r) => [r.Id, r.Label, r.Timestamps, r.Values, r.StatusCode]), [
      ['lat', 'Latency', [t, t + 60_000], [80, 100], 'Complete'],
      ['per', 'ms per request', [t, t + 60_000], [80 / 3, 100 / 5], 'Complete'],
    ]);
    assert.deepEqual(neutral(sdkOut[4]!, names.sdk), { ok: { Metrics: [
      { Namespace: NS, MetricName: 'Latency', Dimensions: [{ Name: 'Model', Value: 'm1' }] },
      { Namespace: NS, MetricName: 'Requests', Dimensions: [{ Name: 'Model', Value: 'm1' }] },
    ] } });
    assert.deepEqual((ok(5)['Metrics'] as unknown[]).length, 1);
    const codes = sdkOut.slice(6).map((o) => ('error' in o ? o.error.code : 'ok'));
    assert.deepEqual(codes, [
      'ResourceNotFoundException', 'ResourceNotFoundException', 'InvalidParameterValue', 'InvalidParameterValue',
      'InvalidParameterCombination', 'InvalidParameterCombination', 'ValidationError', 'InvalidNextToken',
    ]);
    // The modeled members of ResourceNotFoundException reach the SDK, with AWS's 404.
    const missing = await expectAwsError(client.send(new sdk.ListTagsForResourceCommand({ ResourceARN: ALARM_ARN })), 'ResourceNotFoundException');
    assert.equal(missing.$metadata?.httpStatusCode, 404);
    assert.deepEqual([missing['ResourceType'], missing['ResourceId']], ['alarm', 'no-such-alarm']);
  });
});
