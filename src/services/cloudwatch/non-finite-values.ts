import { isRecord } from './records.js';
import { invalidValue } from './errors.js';

const SPECIAL_TEXTS = new Set(['NaN', 'Infinity', '-Infinity']);

/**
 * Rejects NaN and ±Infinity in PutMetricData before shape validation: the JSON SDKs send them as the strings
 * "NaN"/"Infinity" (which the JSON reader would call a SerializationException) and the query wire as numbers, but
 * AWS answers both with InvalidParameterValue, naming the value (observed: "The value NaN for parameter
 * MetricData.member.1.Value is invalid.").
 */
export function rejectNonFiniteValues(input: unknown): void {
  if (!isRecord(input)) return;
  const lists: Array<[unknown, string]> = [[input['MetricData'], 'MetricData']];
  const entities = input['EntityMetricData'];
  if (Array.isArray(entities)) {
    entities.forEach((entity: unknown, i) => {
      if (isRecord(entity)) lists.push([entity['MetricData'], `EntityMetricData.member.${i + 1}.MetricData`]);
    });
  }
  for (const [list, prefix] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((datum: unknown, i) => {
      if (isRecord(datum)) checkDatum(datum, `${prefix}.member.${i + 1}`);
    });
  }
}

function checkDatum(datum: Readonly<Record<string, unknown>>, path: string): void {
  checkNumber(datum['Value'], `${path}.Value`);
  const stats = datum['StatisticValues'];
  if (isRecord(stats)) {
    for (const member of ['SampleCount', 'Sum', 'Minimum', 'Maximum']) checkNumber(stats[member], `${path}.StatisticValues.${member}`);
  }
  for (const member of ['Values', 'Counts']) {
    const values = datum[member];
    if (Array.isArray(values)) values.forEach((value: unknown, i) => checkNumber(value, `${path}.${member}.member.${i + 1}`));
  }
}

function checkNumber(value: unknown, path: string): void {
  if (typeof value === 'number' && !Number.isFinite(value)) throw invalidValue(String(value), path);
  if (typeof value === 'string' && SPECIAL_TEXTS.has(value)) throw invalidValue(value, path);
}
