import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  type CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, type MetricTransformation, PutLogEventsCommand, PutMetricFilterCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { type CloudWatchClient, type Datapoint, GetMetricDataCommand, GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import { type RunningServer, startServer, uniqueName } from './harness.js';
import { MINUTE_MS, minuteAgo, plusSeconds } from './metrics-helpers.js';

/**
 * Metric filters publishing through the real server: AWS's documented examples (Apache access-log counts and bytes,
 * a JSON latency value with a dimension, a count with defaultValue 0), written with the Logs SDK and read back with
 * the CloudWatch SDK. Publication runs off the PutLogEvents response, so reads poll (bounded) until it lands.
 */

const APACHE = [
  '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200 1534',
  '127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] "GET /apache_pb.gif HTTP/1.0" 500 5324',
  '127.0.0.1 - frank [10/Oct/2000:13:50:35 -0700] "GET /apache_pb.gif HTTP/1.0" 200 4355',
  '127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 404 -',
];

describe('metric filters publish datapoints', { timeout: 120_000 }, () => {
  let server: RunningServer | undefined;
  let logs: CloudWatchLogsClient;
  let cloudwatch: CloudWatchClient;
  before(async () => {
    server = await startServer();
    logs = server.logs();
    cloudwatch = server.cloudwatch();
  }, { timeout: 60_000 });
  after(() => server?.stop(), { timeout: 60_000 });

  async function group(filters: Record<string, [string, MetricTransformation]>): Promise<string> {
    const logGroupName = uniqueName('/e2e/mf');
    await logs.send(new CreateLogGroupCommand({ logGroupName }));
    await logs.send(new CreateLogStreamCommand({ logGroupName, logStreamName: 's' }));
    for (const [filterName, [filterPattern, t]] of Object.entries(filters)) {
      await logs.send(new PutMetricFilterCommand({ logGroupName, filterName, filterPattern, metricTransformations: [t] }));
    }
    return logGroupName;
  }

  const put = (logGroupName: string, events: Array<{ timestamp: number; message: string }>) =>
    logs.send(new PutLogEventsCommand({ logGroupName, logStreamName: 's', logEvents: events }));

  /** Polls GetMetricStatistics until `ready` holds (at most ~10 s), and returns the datapoints sorted by time. */
  async function statistics(namespace: string, metricName: string, start: Date, ready: (points: Datapoint[]) => boolean, dimensions = [] as Array<{ Name: string; Value: string }>): Promise<Datapoint[]> {
    let points: Datapoint[] = [];
    for (let attempt = 0; attempt < 100; attempt++) {
      const out = await cloudwatch.send(new GetMetricStatisticsCommand({
        Namespace: namespace, MetricName: metricName, Dimensions: dimensions, StartTime: start, EndTime: plusSeconds(start, 600),
        Period: 60, Statistics: ['SampleCount', 'Sum', 'Minimum', 'Maximum', 'Average'],
      }));
      points = [...(out.Datapoints ?? [])].sort((a, b) => (a.Timestamp?.getTime() ?? 0) - (b.Timestamp?.getTime() ?? 0));
      if (ready(points)) return points;
      await new Promise((done) => setTimeout(done, 100));
    }
    return points;
  }

  test('Apache access log: counting 4xx/5xx responses and summing bytes (AWS examples)', async () => {
    const ns = uniqueName('E2E/Apache');
    const logGroupName = await group({
      errors: ['[ip, id, user, timestamp, request, status_code=4* || status_code=5*, size]', { metricName: 'ErrorCount', metricNamespace: ns, metricValue: '1' }],
      bytes: ['[ip, id, user, timestamp, request, status_code, size]', { metricName: 'BytesTransferred', metricNamespace: ns, metricValue: '$size', unit: 'Bytes' }],
    });
    const start = minuteAgo(5);
    await put(logGroupName, APACHE.map((message, i) => ({ timestamp: start.getTime() + i * 1000, message })));
    const errors = await statistics(ns, 'ErrorCount', start, (p) => p.length > 0);
    assert.deepEqual(errors.map((p) => [p.Timestamp?.getTime(), p.SampleCount, p.Sum, p.Unit]), [[start.getTime(), 2, 2, 'None']]);
    // The 404 line has "-" for its size: not a number, so it publishes nothing.
    const bytes = await statistics(ns, 'BytesTransferred', start, (p) => p.length > 0);
    assert.deepEqual(bytes.map((p) => [p.SampleCount, p.Sum, p.Minimum, p.Maximum, p.Unit]), [[3, 1534 + 5324 + 4355, 1534, 5324, 'Bytes']]);
  });

  test('JSON $.latency value with a dimension, read with GetMetricData percentiles', async () => {
    const ns = uniqueName('E2E/Json');
    const logGroupName = await group({
      latency: ['{ $.latency = * }', { metricName: 'Latency', metricNamespace: ns, metricValue: '$.latency', unit: 'Milliseconds', dimensions: { Operation: '$.op' } }],
    });
    const start = minuteAgo(6);
    const latencies = [120, 80, 300, 95, 410];
    await put(logGroupName, [
      ...latencies.map((latency, i) => ({ timestamp: start.getTime() + i * 1000, message: JSON.stringify({ latency, op: 'Converse' }) })),
      { timestamp: start.getTime() + 9000, message: JSON.stringify({ latency: 'fast', op: 'Converse' }) },
      { timestamp: start.getTime() + 9500, message: 'plain text line' },
    ]);
    const dimensions = [{ Name: 'Operation', Value: 'Converse' }];
    const points = await statistics(ns, 'Latency', start, (p) => p.length > 0, dimensions);
    assert.deepEqual(points.map((p) => [p.SampleCount, p.Sum, p.Minimum, p.Maximum, p.Unit]), [[5, 1005, 80, 410, 'Milliseconds']]);
    const metric = { Namespace: ns, MetricName: 'Latency', Dimensions: dimensions };
    const out = await cloudwatch.send(new GetMetricDataCommand({
      StartTime: start, EndTime: plusSeconds(start, 60),
      MetricDataQueries: [{ Id: 'max', MetricStat: { Metric: metric, Period: 60, Stat: 'p100' } }, { Id: 'avg', MetricStat: { Metric: metric, Period: 60, Stat: 'Average' } }],
    }));
    const byId = Object.fromEntries((out.MetricDataResults ?? []).map((r) => [r.Id, r.Values]));
    assert.ok(Math.abs((byId.max?.[0] ?? 0) - 410) <= 410 * 0.01, `p100 ${String(byId.max?.[0])}`);
    assert.deepEqual(byId.avg, [201]);
  });

  test('a count with defaultValue 0: matches per minute, and 0 for a minute with events but no match', async () => {
    const ns = uniqueName('E2E/Default');
    const logGroupName = await group({ errors: ['ERROR', { metricName: 'Errors', metricNamespace: ns, metricValue: '1', defaultValue: 0 }] });
    const start = minuteAgo(8);
    const t = start.getTime();
    await put(logGroupName, [
      { timestamp: t + 1000, message: 'ERROR disk full' }, { timestamp: t + 2000, message: 'ERROR disk still full' },
      { timestamp: t + MINUTE_MS + 1000, message: 'INFO recovered' },
    ]);
    // Same first minute, no match: that minute already has its value, so no extra 0 is added.
    await put(logGroupName, [{ timestamp: t + MINUTE_MS + 2000, message: 'INFO fine' }]);
    const points = await statistics(ns, 'Errors', start, (p) => p.length >= 2);
    assert.deepEqual(points.map((p) => [p.Timestamp?.getTime(), p.SampleCount, p.Sum]), [[t, 2, 2], [t + MINUTE_MS, 1, 0]]);
  });

  test('datapoints of acknowledged events survive a graceful restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'modelwatch-mf-restart-'));
    try {
      let own = await startServer({ dataDir });
      logs = own.logs();
      const ns = uniqueName('E2E/Restart');
      const logGroupName = await group({ all: ['', { metricName: 'Events', metricNamespace: ns, metricValue: '1' }] });
      const start = minuteAgo(10);
      await put(logGroupName, Array.from({ length: 50 }, (_, i) => ({ timestamp: start.getTime() + i * 100, message: `line ${i}` })));
      await own.stop();
      own = await startServer({ dataDir });
      cloudwatch = own.cloudwatch();
      const points = await statistics(ns, 'Events', start, () => true);
      await own.stop();
      assert.deepEqual(points.map((p) => [p.SampleCount, p.Sum]), [[50, 50]]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
