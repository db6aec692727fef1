import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type CloudWatchClient, ListMetricsCommand, type ListMetricsCommandInput, type Metric, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { expectAwsError } from './aws-assert.js';
import { type RunningServer, startServer, TEST_ACCOUNT } from './harness.js';
import { minuteAgo, uniqueNamespace } from './metrics-helpers.js';

const TIMEOUT = { timeout: 30_000 };

describe('ListMetrics', { timeout: 120_000 }, () => {
  let server: RunningServer | undefined;
  let cw: CloudWatchClient;
  const namespace = uniqueNamespace('list');
  const other = uniqueNamespace('list-other');

  before(async () => {
    server = await startServer();
    cw = server.cloudwatch();
    await cw.send(new PutMetricDataCommand({
      Namespace: namespace,
      MetricData: [
        { MetricName: 'Requests', Value: 1, Timestamp: minuteAgo(5) },
        { MetricName: 'Requests', Value: 1, Timestamp: minuteAgo(5), Dimensions: [{ Name: 'Service', Value: 'api' }] },
        { MetricName: 'Requests', Value: 1, Timestamp: minuteAgo(5), Dimensions: [{ Name: 'Stage', Value: 'prod' }, { Name: 'Service', Value: 'web' }] },
        // Dimension order does not make a different metric.
        { MetricName: 'Requests', Value: 2, Timestamp: minuteAgo(4), Dimensions: [{ Name: 'Service', Value: 'web' }, { Name: 'Stage', Value: 'prod' }] },
        { MetricName: 'Errors', Value: 1, Timestamp: minuteAgo(4 * 60), Dimensions: [{ Name: 'Service', Value: 'api' }] },
      ],
    }));
    await cw.send(new PutMetricDataCommand({ Namespace: other, MetricData: [{ MetricName: 'Requests', Value: 1 }] }));
  }, { timeout: 60_000 });
  after(() => server?.stop(), { timeout: 60_000 });

  async function list(input: ListMetricsCommandInput): Promise<Metric[]> {
    const out = await cw.send(new ListMetricsCommand(input));
    assert.equal(out.NextToken, undefined);
    return out.Metrics ?? [];
  }
  const names = (metrics: Metric[]) => metrics.map((m) => `${m.MetricName}[${(m.Dimensions ?? []).map((d) => `${d.Name}=${d.Value}`).join(',')}]`);

  test('lists a namespace in name order, each metric once with its dimensions', TIMEOUT, async () => {
    const metrics = await list({ Namespace: namespace });
    assert.deepEqual(names(metrics), ['Errors[Service=api]', 'Requests[]', 'Requests[Service=api]', 'Requests[Service=web,Stage=prod]']);
    assert.ok(metrics.every((m) => m.Namespace === namespace));
  });

  test('filters by metric name and by dimension name, with or without value', TIMEOUT, async () => {
    assert.deepEqual(names(await list({ Namespace: namespace, MetricName: 'Errors' })), ['Errors[Service=api]']);
    assert.deepEqual(names(await list({ Namespace: namespace, Dimensions: [{ Name: 'Stage' }] })), ['Requests[Service=web,Stage=prod]']);
    assert.deepEqual(
      names(await list({ Namespace: namespace, MetricName: 'Requests', Dimensions: [{ Name: 'Service', Value: 'api' }] })),
      ['Requests[Service=api]'],
    );
    assert.deepEqual(await list({ Namespace: namespace, Dimensions: [{ Name: 'Service', Value: 'nope' }] }), []);
  });

  test('RecentlyActive=PT3H leaves out metrics without data in the past three hours', TIMEOUT, async () => {
    const recent = names(await list({ Namespace: namespace, RecentlyActive: 'PT3H' }));
    assert.deepEqual(recent, ['Requests[]', 'Requests[Service=api]', 'Requests[Service=web,Stage=prod]']);
  });

  test('IncludeLinkedAccounts adds the owning account of each metric', TIMEOUT, async () => {
    const out = await cw.send(new ListMetricsCommand({ Namespace: other, IncludeLinkedAccounts: true }));
    assert.deepEqual(out.OwningAccounts, [TEST_ACCOUNT]);
    assert.equal(out.Metrics?.length, 1);
  });

  test('pages of 500 with a NextToken, and a refused token', TIMEOUT, async () => {
    const paged = uniqueNamespace('paged');
    const data = Array.from({ length: 501 }, (_, i) => ({ MetricName: 'M', Value: i, Dimensions: [{ Name: 'N', Value: String(i).padStart(3, '0') }] }));
    await cw.send(new PutMetricDataCommand({ Namespace: paged, MetricData: data }));
    const first = await cw.send(new ListMetricsCommand({ Namespace: paged }));
    assert.equal(first.Metrics?.length, 500);
    assert.equal(typeof first.NextToken, 'string');
    const second = await cw.send(new ListMetricsCommand({ Namespace: paged, NextToken: first.NextToken }));
    assert.deepEqual(second.Metrics?.map((m) => m.Dimensions?.[0]?.Value), ['500']);
    assert.equal(second.NextToken, undefined);
    await expectAwsError(cw.send(new ListMetricsCommand({ Namespace: paged, NextToken: 'garbage' })), 'InvalidNextToken');
    // A token is only good for the listing it came from.
    await expectAwsError(cw.send(new ListMetricsCommand({ Namespace: namespace, NextToken: first.NextToken })), 'InvalidNextToken');
  });
});
