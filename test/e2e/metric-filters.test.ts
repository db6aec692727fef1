import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type CloudWatchLogsClient,
  CreateLogGroupCommand,
  DeleteMetricFilterCommand,
  DescribeLogGroupsCommand,
  DescribeMetricFiltersCommand,
  type DescribeMetricFiltersCommandInput,
  type MetricFilter,
  type MetricTransformation,
  PutMetricFilterCommand,
  TestMetricFilterCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { expectAwsError } from './aws-assert.js';
import { type RunningServer, startServer, uniqueName } from './harness.js';

const TIMEOUT = { timeout: 60_000 };
const COUNT_ERRORS: MetricTransformation = { metricName: 'Errors', metricNamespace: 'E2E', metricValue: '1', defaultValue: 0 };

describe('metric filters', { timeout: 180_000 }, () => {
  let server: RunningServer | undefined;
  let logs: CloudWatchLogsClient;

  before(async () => {
    server = await startServer();
    logs = server.logs();
  }, { timeout: 60_000 });
  after(() => server?.stop(), { timeout: 60_000 });

  const put = (logGroupName: string, filterName: string, filterPattern: string, transformation: MetricTransformation = COUNT_ERRORS) =>
    logs.send(new PutMetricFilterCommand({ logGroupName, filterName, filterPattern, metricTransformations: [transformation] }));

  async function describeAll(input: DescribeMetricFiltersCommandInput): Promise<MetricFilter[]> {
    const filters: MetricFilter[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < 100; page++) {
      const out = await logs.send(new DescribeMetricFiltersCommand({ ...input, nextToken }));
      filters.push(...(out.metricFilters ?? []));
      nextToken = out.nextToken;
      if (nextToken === undefined) return filters;
    }
    throw new Error('DescribeMetricFilters never stopped returning nextToken');
  }

  const filterCount = async (group: string) =>
    (await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: group }))).logGroups?.find((g) => g.logGroupName === group)?.metricFilterCount;

  test('PutMetricFilter creates, DescribeMetricFilters returns it, metricFilterCount counts it', TIMEOUT, async () => {
    const group = uniqueName('mf');
    await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    const latency: MetricTransformation = { metricName: 'Latency', metricNamespace: 'E2E', metricValue: '$.latency', unit: 'Milliseconds', dimensions: { Path: '$.path' } };
    await put(group, 'latency', '{ $.latency = * }', latency);
    const [filter, ...rest] = await describeAll({ logGroupName: group });
    assert.deepEqual(rest, []);
    assert.equal(filter?.filterName, 'latency');
    assert.equal(filter?.filterPattern, '{ $.latency = * }');
    assert.equal(filter?.logGroupName, group);
    assert.equal(typeof filter?.creationTime, 'number');
    assert.deepEqual(filter?.metricTransformations, [latency]);
    assert.equal(await filterCount(group), 1);
  });

  test('putting the same name again replaces the filter', TIMEOUT, async () => {
    const group = uniqueName('mf-replace');
    await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    await put(group, 'errors', 'ERROR');
    await put(group, 'errors', '?ERROR ?FATAL');
    const filters = await describeAll({ logGroupName: group });
    assert.deepEqual(filters.map((f) => [f.filterName, f.filterPattern]), [['errors', '?ERROR ?FATAL']]);
    assert.equal(await filterCount(group), 1);
  });

  test('filterNamePrefix, metricName+metricNamespace across groups, and paging', TIMEOUT, async () => {
    const group = uniqueName('mf-list');
    const otherGroup = uniqueName('mf-list-2');
    const metricName = uniqueName('M');
    await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    await logs.send(new CreateLogGroupCommand({ logGroupName: otherGroup }));
    for (const name of ['b-1', 'a-2', 'a-1', 'c']) await put(group, name, 'ERROR', { ...COUNT_ERRORS, metricName: name === 'c' ? metricName : 'Other' });
    await put(otherGroup, 'z', 'ERROR', { ...COUNT_ERRORS, metricName });

    assert.deepEqual((await describeAll({ logGroupName: group })).map((f) => f.filterName), ['a-1', 'a-2', 'b-1', 'c']);
    assert.deepEqual((await describeAll({ logGroupName: group, limit: 1 })).map((f) => f.filterName), ['a-1', 'a-2', 'b-1', 'c']);
    assert.deepEqual((await describeAll({ logGroupName: group, filterNamePrefix: 'a-' })).map((f) => f.filterName), ['a-1', 'a-2']);
    const byMetric = await describeAll({ metricName, metricNamespace: 'E2E' });
    assert.deepEqual(byMetric.map((f) => [f.logGroupName, f.filterName]).sort(), [[group, 'c'], [otherGroup, 'z']].sort());
  });

  test('DeleteMetricFilter removes it; missing filter or group is ResourceNotFoundException', TIMEOUT, async () => {
    const group = uniqueName('mf-del');
    await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    await put(group, 'errors', 'ERROR');
    await logs.send(new DeleteMetricFilterCommand({ logGroupName: group, filterName: 'errors' }));
    assert.deepEqual(await describeAll({ logGroupName: group }), []);
    assert.equal(await filterCount(group), 0);
    await expectAwsError(logs.send(new DeleteMetricFilterCommand({ logGroupName: group, filterName: 'errors' })), 'ResourceNotFoundException');
    await expectAwsError(put(uniqueName('mf-nogroup'), 'errors', 'ERROR'), 'ResourceNotFoundException');
    await expectAwsError(logs.send(new DescribeMetricFiltersCommand({ logGroupName: uniqueName('mf-nogroup') })), 'ResourceNotFoundException');
  });

  test('invalid filters are InvalidParameterException', TIMEOUT, async () => {
    const group = uniqueName('mf-invalid');
    await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    const send = (input: Partial<ConstructorParameters<typeof PutMetricFilterCommand>[0]>) => logs.send(new PutMetricFilterCommand({
      logGroupName: group, filterName: 'f', filterPattern: 'ERROR', metricTransformations: [COUNT_ERRORS], ...input,
    }));
    await expectAwsError(send({ metricTransformations: [] }), 'InvalidParameterException');
    await expectAwsError(send({ metricTransformations: [COUNT_ERRORS, COUNT_ERRORS] }), 'InvalidParameterException');
    await expectAwsError(send({ filterName: 'bad:name' }), 'InvalidParameterException');
    await expectAwsError(send({ filterPattern: '{ $.x = ' }), 'InvalidParameterException');
    await expectAwsError(send({ metricTransformations: [{ ...COUNT_ERRORS, dimensions: { Path: '$.path' } }], filterPattern: '{ $.path = * }' }),
      'InvalidParameterException');
    await expectAwsError(send({ metricTransformations: [{ ...COUNT_ERRORS, unit: 'Parsecs' as MetricTransformation['unit'] }] }), 'InvalidParameterException');
    await expectAwsError(logs.send(new DescribeMetricFiltersCommand({ metricName: 'Errors' })), 'InvalidParameterException');
    for (const limit of [0, 51]) await expectAwsError(logs.send(new DescribeMetricFiltersCommand({ logGroupName: group, limit })), 'InvalidParameterException');
    assert.deepEqual(await describeAll({ logGroupName: group }), []);
  });

  test('at most 100 metric filters per log group (LimitExceededException)', TIMEOUT, async () => {
    const group = uniqueName('mf-limit');
    await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    for (let i = 0; i < 100; i++) await put(group, `f${String(i).padStart(3, '0')}`, 'ERROR');
    await expectAwsError(put(group, 'one-too-many', 'ERROR'), 'LimitExceededException');
    await put(group, 'f000', 'WARN');
    assert.equal(await filterCount(group), 100);
  });

  test('TestMetricFilter: term pattern, as in the aws CLI reference example', TIMEOUT, async () => {
    const out = await logs.send(new TestMetricFilterCommand({
      filterPattern: 'ERROR', logEventMessages: ['[ERROR] 400 BAD REQUEST', '[ERROR] 400 BAD REQUEST', '[INFO] 200 OK'],
    }));
    assert.deepEqual(out.matches, [
      { eventNumber: 1, eventMessage: '[ERROR] 400 BAD REQUEST', extractedValues: {} },
      { eventNumber: 2, eventMessage: '[ERROR] 400 BAD REQUEST', extractedValues: {} },
    ]);
  });

  test('TestMetricFilter: space-delimited pattern extracts named fields without brackets or quotes', TIMEOUT, async () => {
    const out = await logs.send(new TestMetricFilterCommand({
      filterPattern: '[ip, user, username, timestamp, request, status_code, bytes > 1000]',
      logEventMessages: [
        '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200 1534',
        '127.0.0.1 - frank [10/Oct/2000:13:25:16 -0700] "GET /tiny.gif HTTP/1.0" 200 10',
        'not an access log line',
      ],
    }));
    assert.deepEqual(out.matches, [{
      eventNumber: 1,
      eventMessage: '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200 1534',
      extractedValues: {
        $ip: '127.0.0.1', $user: '-', $username: 'frank', $timestamp: '10/Oct/2000:13:25:15 -0700',
        $request: 'GET /apache_pb.gif HTTP/1.0', $status_code: '200', $bytes: '1534',
      },
    }]);
  });

  test('TestMetricFilter limits: 1..50 messages, a valid pattern', TIMEOUT, async () => {
    await expectAwsError(logs.send(new TestMetricFilterCommand({ filterPattern: 'x', logEventMessages: [] })), 'InvalidParameterException');
    const fifty = Array.from({ length: 50 }, (_, i) => `x ${i}`);
    assert.equal((await logs.send(new TestMetricFilterCommand({ filterPattern: 'x', logEventMessages: fifty }))).matches?.length, 50);
    await expectAwsError(logs.send(new TestMetricFilterCommand({ filterPattern: 'x', logEventMessages: [...fifty, 'x'] })), 'InvalidParameterException');
    await expectAwsError(logs.send(new TestMetricFilterCommand({ filterPattern: '[a, b', logEventMessages: ['a b'] })), 'InvalidParameterException');
  });
});
