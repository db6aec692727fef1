import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type CloudWatchClient,
  type Datapoint,
  GetMetricStatisticsCommand,
  type MetricDatum,
  PutMetricDataCommand,
} from '@aws-sdk/client-cloudwatch';
import { expectAwsError } from './aws-assert.js';
import { type RunningServer, startServer } from './harness.js';
import { minuteAgo, plusSeconds, summarize, uniqueNamespace } from './metrics-helpers.js';

const TIMEOUT = { timeout: 30_000 };

describe('PutMetricData', { timeout: 120_000 }, () => {
  let server: RunningServer | undefined;
  let cw: CloudWatchClient;

  before(async () => {
    server = await startServer();
    cw = server.cloudwatch();
  }, { timeout: 60_000 });
  after(() => server?.stop(), { timeout: 60_000 });

  async function statistics(namespace: string, start: Date, minutes: number): Promise<Datapoint[]> {
    const out = await cw.send(new GetMetricStatisticsCommand({
      Namespace: namespace, MetricName: 'Latency', Dimensions: [{ Name: 'Service', Value: 'api' }],
      StartTime: start, EndTime: plusSeconds(start, minutes * 60), Period: 60,
      Statistics: ['SampleCount', 'Sum', 'Minimum', 'Maximum', 'Average'],
    }));
    assert.equal(out.Label, 'Latency');
    return [...(out.Datapoints ?? [])].sort((a, b) => (a.Timestamp?.getTime() ?? 0) - (b.Timestamp?.getTime() ?? 0));
  }

  test('Value, Values+Counts and StatisticValues datums aggregate into the same period', TIMEOUT, async () => {
    const namespace = uniqueNamespace('put');
    const start = minuteAgo(30);
    const dims = [{ Name: 'Service', Value: 'api' }];
    const datum = (seconds: number, rest: Partial<MetricDatum>): MetricDatum =>
      ({ MetricName: 'Latency', Dimensions: dims, Timestamp: plusSeconds(start, seconds), Unit: 'Milliseconds', ...rest });
    await cw.send(new PutMetricDataCommand({
      Namespace: namespace,
      MetricData: [
        datum(1, { Value: 10 }), datum(20, { Value: 20 }), datum(59, { Value: 30 }),
        datum(30, { Values: [1, 2, 3], Counts: [1, 1, 2] }),
        datum(40, { StatisticValues: { SampleCount: 5, Sum: 50, Minimum: 2, Maximum: 20 } }),
        datum(61, { Value: 7 }),
      ],
    }));
    const [first, second, ...rest] = await statistics(namespace, start, 3);
    assert.equal(rest.length, 0);
    // The raw values of minute 0, then the statistic set folded in by hand.
    const raw = summarize([10, 20, 30, 1, 2, 3, 3]);
    const count = raw.SampleCount + 5;
    const sum = raw.Sum + 50;
    assert.deepEqual(first, {
      Timestamp: start, SampleCount: count, Sum: sum, Minimum: Math.min(raw.Minimum, 2), Maximum: Math.max(raw.Maximum, 20),
      Average: sum / count, Unit: 'Milliseconds',
    });
    assert.deepEqual(second, { Timestamp: plusSeconds(start, 60), SampleCount: 1, Sum: 7, Minimum: 7, Maximum: 7, Average: 7, Unit: 'Milliseconds' });
  });

  test('a datum without Timestamp is stored at the time it arrives', TIMEOUT, async () => {
    const namespace = uniqueNamespace('now');
    await cw.send(new PutMetricDataCommand({ Namespace: namespace, MetricData: [{ MetricName: 'Latency', Dimensions: [{ Name: 'Service', Value: 'api' }], Value: 3 }] }));
    const points = await statistics(namespace, minuteAgo(2), 4);
    assert.deepEqual(points.map((p) => p.Sum), [3]);
  });

  describe('rejects what AWS rejects, storing nothing', () => {
    const namespace = uniqueNamespace('bad');
    const put = (data: MetricDatum[], ns = namespace) => cw.send(new PutMetricDataCommand({ Namespace: ns, MetricData: data }));
    const at = (rest: Partial<MetricDatum>): MetricDatum => ({ MetricName: 'Latency', Timestamp: minuteAgo(5), ...rest });

    test('NaN and Infinity values', TIMEOUT, async () => {
      const error = await expectAwsError(put([at({ Value: 1 }), at({ Value: Number.NaN })]), 'InvalidParameterValueException',
        /^The value NaN for parameter MetricData\.member\.2\.Value is invalid\.$/);
      assert.equal(error['Code'], 'InvalidParameterValue');
      await expectAwsError(put([at({ Values: [1, Number.POSITIVE_INFINITY] })]), 'InvalidParameterValueException', /MetricData\.member\.1\.Values\.member\.2/);
    });

    test('values beyond ±2^360', TIMEOUT, async () => {
      await expectAwsError(put([at({ Value: -(2 ** 361) })]), 'InvalidParameterValueException', /MetricData\.member\.1\.Value is invalid/);
    });

    test('the AWS/ namespace', TIMEOUT, async () => {
      await expectAwsError(put([at({ Value: 1 })], 'AWS/EC2'), 'InvalidParameterValueException', /parameter Namespace/);
    });

    test('timestamps more than two weeks old or two hours ahead', TIMEOUT, async () => {
      const message = /MetricData\.member\.1\.Timestamp must specify a time no more than two weeks in the past and no more than two hours in the future/;
      await expectAwsError(put([at({ Value: 1, Timestamp: minuteAgo(15 * 24 * 60) })]), 'InvalidParameterValueException', message);
      await expectAwsError(put([at({ Value: 1, Timestamp: minuteAgo(-3 * 60) })]), 'InvalidParameterValueException', message);
    });

    test('two kinds of value in one datum', TIMEOUT, async () => {
      const error = await expectAwsError(
        put([at({ Value: 1, StatisticValues: { SampleCount: 1, Sum: 1, Minimum: 1, Maximum: 1 } })]),
        'InvalidParameterCombinationException', /MetricData\.member\.1\.Value and MetricData\.member\.1\.StatisticValues are mutually exclusive/,
      );
      assert.equal(error['Code'], 'InvalidParameterCombination');
    });

    test('a StorageResolution other than 1 or 60', TIMEOUT, async () => {
      await expectAwsError(put([at({ Value: 1, StorageResolution: 5 })]), 'InvalidParameterValueException', /StorageResolution must be a value in the set \[ 1, 60 \]/);
    });

    test('Values and Counts of different lengths, and more than 150 values', TIMEOUT, async () => {
      await expectAwsError(put([at({ Values: [1, 2], Counts: [1] })]), 'InvalidParameterValueException', /same size/);
      await expectAwsError(put([at({ Values: Array.from({ length: 151 }, (_, i) => i) })]), 'InvalidParameterValueException', /150/);
    });

    test('a missing MetricName, and more than 1000 datums', TIMEOUT, async () => {
      const error = await expectAwsError(put([{ Value: 1 } as MetricDatum]), 'MissingRequiredParameterException', /^The parameter MetricData\.member\.1\.MetricName is required\.$/);
      assert.equal(error['Code'], 'MissingParameter');
      await expectAwsError(put(Array.from({ length: 1001 }, () => at({ Value: 1 }))), 'InvalidParameterValueException', /1000/);
    });

    test('more than 30 dimensions fails model validation', TIMEOUT, async () => {
      const dimensions = Array.from({ length: 31 }, (_, i) => ({ Name: `d${i}`, Value: 'v' }));
      const error = await expectAwsError(put([at({ Value: 1, Dimensions: dimensions })]), 'ValidationException',
        /^1 validation error detected: Value '.*' at 'metricData\.1\.member\.dimensions' failed to satisfy constraint: Member must have length less than or equal to 30$/);
      assert.equal(error['Code'], 'ValidationError');
    });

    test('nothing of a rejected call was stored', TIMEOUT, async () => {
      const out = await cw.send(new GetMetricStatisticsCommand({
        Namespace: namespace, MetricName: 'Latency', StartTime: minuteAgo(60), EndTime: minuteAgo(-1), Period: 60, Statistics: ['SampleCount'],
      }));
      assert.deepEqual(out.Datapoints, []);
    });
  });
});
