import type { MetricDatum } from '../../models/cloudwatch/index.js';
import type { MetricSample, NewMetricDatum } from '../../storage/index.js';
import { invalidParameterCombination, invalidParameterValue, invalidValue, mutuallyExclusive, parameterRequired } from './errors.js';
import { metricIdentity } from './metric-identity.js';

const TWO_WEEKS_MS = 14 * 24 * 3600_000;
const TWO_HOURS_MS = 2 * 3600_000;
/** AWS rejects values outside ±2^360 (spec 9.2). */
const VALUE_LIMIT = 2 ** 360;
const MAX_VALUES_PER_DATUM = 150;

/** One validated MetricDatum as the store takes it; `path` is its query name, e.g. `MetricData.member.3`. */
export function toNewMetricDatum(namespace: string, datum: MetricDatum, path: string, now: number): NewMetricDatum {
  const metric = metricIdentity({ namespace, metricName: datum.MetricName, dimensions: datum.Dimensions ?? [], path });
  const resolution = datum.StorageResolution ?? 60;
  if (resolution !== 1 && resolution !== 60) {
    // observed
    throw invalidParameterValue(`The parameter ${path}.StorageResolution must be a value in the set [ 1, 60 ].`);
  }
  return {
    metric,
    timestamp: timestampOf(datum, path, now),
    unit: datum.Unit ?? 'None',
    storageResolution: resolution === 1 ? 1 : 60,
    sample: sampleOf(datum, path),
  };
}

function timestampOf(datum: MetricDatum, path: string, now: number): number {
  if (datum.Timestamp === undefined) return now;
  const ms = Math.round(datum.Timestamp * 1000);
  if (ms < now - TWO_WEEKS_MS || ms > now + TWO_HOURS_MS) {
    throw invalidParameterValue(
      `The parameter ${path}.Timestamp must specify a time no more than two weeks in the past and no more than two hours in the future.`,
    );
  }
  return ms;
}

function sampleOf(datum: MetricDatum, path: string): MetricSample {
  const given = [
    datum.Value === undefined ? undefined : 'Value',
    datum.StatisticValues === undefined ? undefined : 'StatisticValues',
    datum.Values === undefined ? undefined : 'Values',
  ].filter((name): name is string => name !== undefined);
  const [first, second] = given;
  if (first !== undefined && second !== undefined) throw mutuallyExclusive(`${path}.${first}`, `${path}.${second}`);
  if (datum.Counts !== undefined && datum.Values === undefined) {
    throw invalidParameterCombination(`The parameter ${path}.Counts must be specified with ${path}.Values.`);
  }
  if (datum.Value !== undefined) return { kind: 'value', value: checked(datum.Value, `${path}.Value`) };
  if (datum.StatisticValues !== undefined) {
    const s = datum.StatisticValues;
    const sample = {
      kind: 'statistics',
      sampleCount: checked(s.SampleCount, `${path}.StatisticValues.SampleCount`),
      sum: checked(s.Sum, `${path}.StatisticValues.Sum`),
      minimum: checked(s.Minimum, `${path}.StatisticValues.Minimum`),
      maximum: checked(s.Maximum, `${path}.StatisticValues.Maximum`),
    } as const;
    if (!(sample.sampleCount > 0)) throw invalidValue(String(sample.sampleCount), `${path}.StatisticValues.SampleCount`);
    if (sample.minimum > sample.maximum) {
      throw invalidParameterValue(`The parameter ${path}.StatisticValues.Maximum must be greater than or equal to ${path}.StatisticValues.Minimum.`);
    }
    return sample;
  }
  if (datum.Values !== undefined) return valuesSample(datum.Values, datum.Counts, path);
  throw parameterRequired(`${path}.Value`);
}

function valuesSample(values: readonly number[], counts: readonly number[] | undefined, path: string): MetricSample {
  if (values.length > MAX_VALUES_PER_DATUM) {
    throw invalidParameterValue(`The collection ${path}.Values must not have a size greater than ${MAX_VALUES_PER_DATUM}.`);
  }
  if (counts !== undefined && counts.length !== values.length) {
    throw invalidParameterValue(`The parameters ${path}.Values and ${path}.Counts must be of the same size.`);
  }
  values.forEach((value, i) => checked(value, `${path}.Values.member.${i + 1}`));
  counts?.forEach((count, i) => {
    if (!(count >= 0)) throw invalidValue(String(count), `${path}.Counts.member.${i + 1}`);
  });
  return { kind: 'values', values, counts: counts ?? values.map(() => 1) };
}

function checked(value: number, parameter: string): number {
  if (!Number.isFinite(value) || Math.abs(value) > VALUE_LIMIT) throw invalidValue(String(value), parameter);
  return value;
}
