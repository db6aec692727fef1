import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type CloudWatchClient, GetMetricStatisticsCommand, type GetMetricStatisticsCommandInput, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { expectAwsError } from './aws-assert.js';
import { type RunningServer, startServer } from './harness.js';
import { assertClose, minuteAgo, nearestRank, plusSeconds, summarize, trimmedMean, uniqueNamespace } from './metrics-helpers.js';

const TIMEOUT = { timeout: 30_000 };
/** The store's sketch keeps values to 0.5%; the checks allow 1%. */
const SKETCH_TOLERANCE = 0.01;

describe('GetMetricStatistics', { timeout: 120_000 }, () => {
  let server: RunningServer | undefined;
  let cw: CloudWatchClient;
  const namespace = uniqueNamespace('stats');
  const start = minuteAgo(40);
  // 1..200 in a scrambled order, sent as Values/Counts in two datums of one minute.
  const values = Array.from({ length: 200 }, (_, i) => ((i * 73) % 200) + 1);

  before(async () => {
    server = await startServer();
    cw = server.cloudwatch();
    await cw.send(new PutMetricDataCommand({
      Namespace: namespace,
      MetricData: [
        { MetricName: 'Latency', Timestamp: plusSeconds(start, 5), Values: values.slice(0, 120), Unit: 'Milliseconds' },
        { MetricName: 'Latency', Timestamp: plusSeconds(start, 50), Values: values.slice(120), Counts: values.slice(120).map(() => 1), Unit: 'Milliseconds' },
        { MetricName: 'Latency', Timestamp: plusSeconds(start, 30), Value: 1000, Unit: 'Seconds' },
        { MetricName: 'Fast', Timestamp: minuteAgo(2), Value: 4, StorageResolution: 1 },
        { MetricName: 'Fast', Timestamp: plusSeconds(minuteAgo(2), 12), Value: 6, StorageResolution: 1 },
        { MetricName: 'Fast', Timestamp: plusSeconds(minuteAgo(2), 15), Value: 8, StorageResolution: 1 },
      ],
    }));
  }, { timeout: 60_000 });
  after(() => server?.stop(), { timeout: 60_000 });

  const query = (rest: Partial<GetMetricStatisticsCommandInput>) => cw.send(new GetMetricStatisticsCommand({
    Namespace: namespace, MetricName: 'Latency', StartTime: start, EndTime: plusSeconds(start, 60), Period: 60, ...rest,
  }));

  test('the basic statistics, per unit unless Unit picks one', TIMEOUT, async () => {
    const all = await query({ Statistics: ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'] });
    const byUnit = new Map((all.Datapoints ?? []).map((p) => [p.Unit, p]));
    assert.equal(byUnit.size, 2);
    assert.deepEqual(byUnit.get('Milliseconds'), { Timestamp: start, Unit: 'Milliseconds', ...summarize(values) });
    assert.deepEqual(byUnit.get('Seconds'), { Timestamp: start, Unit: 'Seconds', ...summarize([1000]) });
    const ms = await query({ Statistics: ['Maximum'], Unit: 'Milliseconds' });
    assert.deepEqual(ms.Datapoints, [{ Timestamp: start, Unit: 'Milliseconds', Maximum: 200 }]);
    const none = await query({ Statistics: ['Maximum'], Unit: 'Bytes' });
    assert.deepEqual(none.Datapoints, []);
  });

  test('percentiles and trimmed statistics match values computed from the raw data', TIMEOUT, async () => {
    const out = await query({ Unit: 'Milliseconds', ExtendedStatistics: ['p50', 'p90', 'p99.5', 'tm90', 'IQM', 'TM(10%:90%)', 'tc90', 'ts90', 'PR(50:100)', 'wm90'] });
    const [point, ...rest] = out.Datapoints ?? [];
    assert.equal(rest.length, 0);
    assert.equal(point?.Sum, undefined, 'only the statistics asked for');
    const stats = point?.ExtendedStatistics ?? {};
    for (const p of [50, 90, 99.5]) assertClose(stats[`p${p}`], nearestRank(values, p), SKETCH_TOLERANCE, `p${p}`);
    assertClose(stats['tm90'], trimmedMean(values, 0, 90), SKETCH_TOLERANCE, 'tm90');
    assertClose(stats['IQM'], trimmedMean(values, 25, 75), SKETCH_TOLERANCE, 'IQM');
    assertClose(stats['TM(10%:90%)'], trimmedMean(values, 10, 90), SKETCH_TOLERANCE, 'TM(10%:90%)');
    assertClose(stats['tc90'], 180, SKETCH_TOLERANCE, 'tc90');
    assertClose(stats['ts90'], trimmedMean(values, 0, 90) * 180, SKETCH_TOLERANCE, 'ts90');
    // PR(50:100): the share of values in (50, 100], in percent.
    assertClose(stats['PR(50:100)'], (values.filter((v) => v > 50 && v <= 100).length / values.length) * 100, 0.05, 'PR(50:100)');
    // wm90: the top 10% clamped to the 90th percentile value.
    const p90 = nearestRank(values, 90);
    assertClose(stats['wm90'], values.map((v) => Math.min(v, p90)).reduce((a, b) => a + b, 0) / values.length, SKETCH_TOLERANCE, 'wm90');
  });

  test('high-resolution data answers 10-second periods', TIMEOUT, async () => {
    const from = minuteAgo(2);
    const out = await cw.send(new GetMetricStatisticsCommand({
      Namespace: namespace, MetricName: 'Fast', StartTime: from, EndTime: plusSeconds(from, 30), Period: 10, Statistics: ['Sum', 'SampleCount'],
    }));
    const points = [...(out.Datapoints ?? [])].sort((a, b) => (a.Timestamp?.getTime() ?? 0) - (b.Timestamp?.getTime() ?? 0));
    assert.deepEqual(points, [
      { Timestamp: from, Sum: 4, SampleCount: 1, Unit: 'None' },
      { Timestamp: plusSeconds(from, 10), Sum: 14, SampleCount: 2, Unit: 'None' },
    ]);
  });

  test('StartTime is rounded down to the minute', TIMEOUT, async () => {
    const out = await query({ StartTime: plusSeconds(start, 25), EndTime: plusSeconds(start, 60), Statistics: ['SampleCount'], Unit: 'Milliseconds' });
    assert.deepEqual(out.Datapoints, [{ Timestamp: start, SampleCount: 200, Unit: 'Milliseconds' }]);
  });

  test('rejects bad periods, statistics and ranges with AWS errors', TIMEOUT, async () => {
    await expectAwsError(query({ Period: 45, Statistics: ['Sum'] }), 'InvalidParameterValueException', /Period/);
    await expectAwsError(query({ Period: 0, Statistics: ['Sum'] }), 'ValidationException', /at 'period' failed to satisfy constraint: Member must have value greater than or equal to 1/);
    await expectAwsError(query({ Statistics: ['Sum'], ExtendedStatistics: ['p99'] }), 'InvalidParameterCombinationException', /Statistics and ExtendedStatistics are mutually exclusive/);
    await expectAwsError(query({}), 'MissingRequiredParameterException', /Statistics or ExtendedStatistics/);
    await expectAwsError(query({ ExtendedStatistics: ['p101'] }), 'InvalidParameterValueException', /p101/);
    await expectAwsError(query({ Statistics: ['Sum'], EndTime: start }), 'InvalidParameterValueException', /StartTime must be less than/);
    await expectAwsError(
      query({ Statistics: ['Sum'], StartTime: minuteAgo(1441), EndTime: minuteAgo(0) }),
      'InvalidParameterCombinationException',
      /^You have requested up to 1,441 datapoints, which exceeds the limit of 1,440\./,
    );
    await expectAwsError(query({ Statistics: ['Median' as 'Sum'] }), 'ValidationException', /Member must satisfy enum value set/);
  });
});
