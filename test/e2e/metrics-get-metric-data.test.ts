import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type CloudWatchClient,
  GetMetricDataCommand,
  type GetMetricDataCommandInput,
  type MetricDataQuery,
  PutMetricDataCommand,
} from '@aws-sdk/client-cloudwatch';
import { expectAwsError } from './aws-assert.js';
import { type RunningServer, startServer } from './harness.js';
import { minuteAgo, plusSeconds, uniqueNamespace } from './metrics-helpers.js';

const TIMEOUT = { timeout: 30_000 };

describe('GetMetricData', { timeout: 120_000 }, () => {
  let server: RunningServer | undefined;
  let cw: CloudWatchClient;
  const namespace = uniqueNamespace('gmd');
  const start = minuteAgo(20);
  const minutes = [0, 1, 2, 3];
  // Requests per host and minute; host b has no data in minute 2.
  const requests: Record<string, number[]> = { a: [10, 20, 30, 40], b: [1, 2, Number.NaN, 4] };
  const errors = [1, 0, 3, 2];

  before(async () => {
    server = await startServer();
    cw = server.cloudwatch();
    await cw.send(new PutMetricDataCommand({
      Namespace: namespace,
      MetricData: [
        ...Object.entries(requests).flatMap(([host, values]) => minutes.flatMap((m) => {
          const value = values[m] as number;
          return Number.isNaN(value) ? [] : [{ MetricName: 'Requests', Dimensions: [{ Name: 'Host', Value: host }], Timestamp: plusSeconds(start, m * 60 + 7), Value: value }];
        })),
        ...minutes.map((m) => ({ MetricName: 'Errors', Dimensions: [{ Name: 'Host', Value: 'a' }], Timestamp: plusSeconds(start, m * 60 + 9), Value: errors[m] as number })),
      ],
    }));
  }, { timeout: 60_000 });
  after(() => server?.stop(), { timeout: 60_000 });

  const stat = (id: string, metricName: string, host: string, rest: Partial<MetricDataQuery> = {}): MetricDataQuery => ({
    Id: id, MetricStat: { Metric: { Namespace: namespace, MetricName: metricName, Dimensions: [{ Name: 'Host', Value: host }] }, Period: 60, Stat: 'Sum' }, ...rest,
  });
  const get = (queries: MetricDataQuery[], rest: Partial<GetMetricDataCommandInput> = {}) => cw.send(new GetMetricDataCommand({
    MetricDataQueries: queries, StartTime: start, EndTime: plusSeconds(start, 4 * 60), ...rest,
  }));
  const times = (...ms: number[]) => ms.map((m) => plusSeconds(start, m * 60));

  test('MetricStat results come newest first, labelled with the metric name', TIMEOUT, async () => {
    const out = await get([stat('m1', 'Requests', 'a')]);
    assert.deepEqual(out.MetricDataResults, [{ Id: 'm1', Label: 'Requests', Timestamps: times(3, 2, 1, 0), Values: [40, 30, 20, 10], StatusCode: 'Complete' }]);
    const ascending = await get([stat('m1', 'Requests', 'b', { Label: 'host b' })], { ScanBy: 'TimestampAscending' });
    assert.deepEqual(ascending.MetricDataResults?.[0], { Id: 'm1', Label: 'host b', Timestamps: times(0, 1, 3), Values: [1, 2, 4], StatusCode: 'Complete' });
  });

  test('expressions are evaluated on the other queries, in dependency order', TIMEOUT, async () => {
    const out = await get([
      { Id: 'rate', Expression: '100 * e / r', Label: 'Error rate' },
      stat('r', 'Requests', 'a', { ReturnData: false }),
      stat('e', 'Errors', 'a', { ReturnData: false }),
    ], { ScanBy: 'TimestampAscending' });
    const expected = minutes.map((m) => (100 * (errors[m] as number)) / (requests['a']?.[m] as number));
    assert.equal(out.MetricDataResults?.length, 1);
    assert.deepEqual(out.MetricDataResults?.[0], { Id: 'rate', Label: 'Error rate', Timestamps: times(0, 1, 2, 3), Values: expected, StatusCode: 'Complete' });
  });

  test('SEARCH returns one result per matching metric', TIMEOUT, async () => {
    const out = await get([{ Id: 's', Expression: `SEARCH('{${namespace},Host} MetricName="Requests"', 'Sum', 60)` }], { ScanBy: 'TimestampAscending' });
    const results = [...(out.MetricDataResults ?? [])].sort((x, y) => String(x.Label).localeCompare(String(y.Label)));
    assert.equal(results.length, 2);
    assert.deepEqual(results.map((r) => [r.Id, r.Values]), [['s', [10, 20, 30, 40]], ['s', [1, 2, 4]]]);
  });

  test('Metrics Insights queries group, aggregate and order the matching metrics', TIMEOUT, async () => {
    const grouped = await get([{ Id: 'q', Period: 60, Expression: `SELECT SUM(Requests) FROM SCHEMA("${namespace}", Host) GROUP BY Host ORDER BY SUM() DESC` }], { ScanBy: 'TimestampAscending' });
    assert.deepEqual(grouped.MetricDataResults?.map((r) => [r.Id, r.Label, r.Values]), [['q', 'a', [10, 20, 30, 40]], ['q', 'b', [1, 2, 4]]]);
    const ascending = await get([{ Id: 'q', Period: 60, Expression: `SELECT MAX(Requests) FROM "${namespace}" GROUP BY Host ORDER BY MAX() ASC LIMIT 1` }]);
    assert.deepEqual(ascending.MetricDataResults?.map((r) => [r.Label, r.Values]), [['b', [4, 2, 1]]]);
    // Without GROUP BY, every matching metric's observations make one series.
    const average = await get([{ Id: 'q', Period: 60, Expression: `SELECT AVG(Requests) FROM "${namespace}" WHERE Host != 'c'` }], { ScanBy: 'TimestampAscending' });
    const expected = minutes.map((m) => {
      const present = Object.values(requests).map((values) => values[m] as number).filter((v) => !Number.isNaN(v));
      return present.reduce((a, b) => a + b, 0) / present.length;
    });
    assert.deepEqual(average.MetricDataResults?.map((r) => r.Values), [expected]);
  });

  test('MaxDatapoints pages across results with NextToken', TIMEOUT, async () => {
    const queries = [stat('m1', 'Requests', 'a'), stat('m2', 'Requests', 'b')];
    const first = await get(queries, { MaxDatapoints: 5 });
    assert.deepEqual(first.MetricDataResults?.map((r) => [r.Id, r.Values, r.StatusCode]), [['m1', [40, 30, 20, 10], 'Complete'], ['m2', [4], 'PartialData']]);
    assert.equal(typeof first.NextToken, 'string');
    const second = await get(queries, { MaxDatapoints: 5, NextToken: first.NextToken });
    assert.deepEqual(second.MetricDataResults?.map((r) => [r.Id, r.Values, r.StatusCode]), [['m1', [], 'Complete'], ['m2', [2, 1], 'Complete']]);
    assert.equal(second.NextToken, undefined);
    await expectAwsError(get(queries, { NextToken: 'nope' }), 'InvalidNextToken');
  });

  test('division by zero drops points and says so in Messages', TIMEOUT, async () => {
    const out = await get([{ Id: 'q', Expression: 'r / e' }, stat('r', 'Requests', 'a', { ReturnData: false }), stat('e', 'Errors', 'a', { ReturnData: false })], { ScanBy: 'TimestampAscending' });
    const [result] = out.MetricDataResults ?? [];
    assert.deepEqual(result?.Values, [10, 30 / 3, 40 / 2]);
    assert.equal(result?.Messages?.[0]?.Code, 'ArithmeticError');
  });

  test('bad queries are ValidationErrors', TIMEOUT, async () => {
    const error = await expectAwsError(get([{ Id: 'e1', Expression: 'm1 +' }]), 'ValidationException', /^Error in expression e1: /);
    assert.equal(error['Code'], 'ValidationError');
    await expectAwsError(get([{ Id: 'e1', Expression: 'nope * 2' }]), 'ValidationException', /nope/);
    await expectAwsError(get([stat('M1', 'Requests', 'a')]), 'ValidationException', /M1/);
    await expectAwsError(get([stat('m1', 'Requests', 'a'), stat('m1', 'Requests', 'b')]), 'ValidationException', /not unique/);
    await expectAwsError(get([stat('m1', 'Requests', 'a')], { EndTime: start }), 'ValidationException', /^The parameter StartTime must not equal parameter EndTime\.$/);
    await expectAwsError(get([{ Id: 'a', Expression: 'b' }, { Id: 'b', Expression: 'a' }]), 'ValidationException', /Circular/);
  });
});
