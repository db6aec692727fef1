import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ListMetricsCommand, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { type RunningServer, startServer } from './harness.js';
import { send } from './raw-request.js';

/** GET /metrics as Prometheus (or curl) scrapes it: plain fetch, no signature. */
describe('Prometheus exposition: GET /metrics', { timeout: 60_000 }, () => {
  let server: RunningServer | undefined;
  before(async () => {
    server = await startServer();
  }, { timeout: 60_000 });
  after(() => server?.stop(), { timeout: 60_000 });

  const scrape = async (): Promise<{ status: number; type: string | null; body: string }> => {
    const response = await fetch(`${server!.endpoint}/metrics`);
    return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
  };
  const sample = (body: string, series: string): number | undefined => {
    const line = body.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  test('counts the requests the SDKs made, by service and operation, with latency histograms', async () => {
    const cloudwatch = server!.cloudwatch();
    await cloudwatch.send(new PutMetricDataCommand({ Namespace: 'E2E/Prom', MetricData: [{ MetricName: 'M', Value: 1 }] }));
    await cloudwatch.send(new PutMetricDataCommand({ Namespace: 'E2E/Prom', MetricData: [{ MetricName: 'M', Value: 2 }] }));
    await cloudwatch.send(new ListMetricsCommand({ Namespace: 'E2E/Prom' }));
    await cloudwatch.send(new PutMetricDataCommand({ Namespace: 'AWS/Reserved', MetricData: [{ MetricName: 'M', Value: 1 }] })).catch(() => undefined);
    await server!.logs().send(new DescribeLogGroupsCommand({}));
    const { status, type, body } = await scrape();
    assert.equal(status, 200);
    assert.match(type ?? '', /^text\/plain; version=0\.0\.4/);
    assert.equal(sample(body, 'modelwatch_requests_total{service="monitoring",operation="PutMetricData",status="2xx"}'), 2);
    assert.equal(sample(body, 'modelwatch_requests_total{service="monitoring",operation="PutMetricData",status="4xx"}'), 1);
    assert.equal(sample(body, 'modelwatch_requests_total{service="monitoring",operation="ListMetrics",status="2xx"}'), 1);
    assert.equal(sample(body, 'modelwatch_requests_total{service="logs",operation="DescribeLogGroups",status="2xx"}'), 1);
    assert.equal(sample(body, 'modelwatch_request_duration_seconds_count{service="monitoring",operation="PutMetricData"}'), 3);
    assert.ok((sample(body, 'modelwatch_store_size_bytes{file="modelwatch.duckdb"}') ?? 0) > 0);
    assert.match(body, /^modelwatch_queue_depth\{queue="metric_filter_publications"\} \d+$/m);
    assert.ok((sample(body, 'process_resident_memory_bytes') ?? 0) > 0);
    // The scrape itself is not an AWS request.
    assert.doesNotMatch(body, /operation="metrics"/);
  });

  test('a SigV4-signed GET /metrics (an S3 client\'s bucket named "metrics") is not a scrape', async () => {
    const response = await send(server!.endpoint, { method: 'GET', path: '/metrics', service: 's3', headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } });
    const text = response.body;
    assert.doesNotMatch(text, /modelwatch_requests_total/);
    assert.notEqual(response.status, 200);
  });
});
