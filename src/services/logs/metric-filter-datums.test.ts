import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { MetricFilterRecord, MetricTransformationRecord, NewMetricDatum } from '../../storage/index.js';
import { metricFilterDatums } from './metric-filter-datums.js';

const SCOPE = { accountId: '123456789012', region: 'us-east-1' };
const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const APACHE = [
  '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200 1534',
  '127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] "GET /apache_pb.gif HTTP/1.0" 500 5324',
  '127.0.0.1 - frank [10/Oct/2000:13:50:35 -0700] "GET /apache_pb.gif HTTP/1.0" 200 4355',
  '127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 404 -',
];

function filter(filterPattern: string, t: Partial<MetricTransformationRecord>, extra: Partial<MetricFilterRecord> = {}): MetricFilterRecord {
  return {
    logGroupName: 'web', filterName: 'f', filterPattern, creationTime: 0, applyOnTransformedLogs: false,
    metricTransformations: [{ metricName: 'M', metricNamespace: 'NS', metricValue: '1', ...t }],
    ...extra,
  };
}

const at = (messages: readonly string[], start = T0, stepMs = 1000) => messages.map((message, i) => ({ timestamp: start + i * stepMs, message }));
/** Every published value with its count, flattened, for comparison. */
function samples(datums: readonly NewMetricDatum[]): Array<[string, number, number]> {
  const out: Array<[string, number, number]> = [];
  for (const d of datums) {
    const dims = d.metric.dimensions.map((x) => `${x.name}=${x.value}`).join(',');
    if (d.sample.kind === 'values') d.sample.values.forEach((v, i) => out.push([dims, v, d.sample.kind === 'values' ? d.sample.counts[i]! : 0]));
    if (d.sample.kind === 'value') out.push([dims, d.sample.value, 1]);
  }
  return out.sort();
}

describe('metricFilterDatums', () => {
  it('counts matching Apache events (AWS example: 4xx/5xx errors) at the events\' minute', () => {
    const out = metricFilterDatums(SCOPE, [filter('[ip, id, user, timestamp, request, status_code=4* || status_code=5*, size]', { metricValue: '1' })], at(APACHE));
    assert.equal(out.datums.length, 1);
    const datum = out.datums[0]!;
    assert.deepEqual(datum.metric, { namespace: 'NS', metricName: 'M', dimensions: [] });
    assert.equal(datum.timestamp, T0);
    assert.equal(datum.unit, 'None');
    assert.deepEqual(datum.sample, { kind: 'values', values: [1], counts: [2] });
    assert.deepEqual(out.defaults, []);
  });

  it('sums bytes from a named field and skips events whose value is not a number', () => {
    const out = metricFilterDatums(SCOPE, [filter('[ip, id, user, timestamp, request, status_code, size]', { metricValue: '$size', unit: 'Bytes' })], at(APACHE));
    assert.deepEqual(samples(out.datums), [['', 1534, 1], ['', 4355, 1], ['', 5324, 1]]);
    assert.equal(out.datums[0]?.unit, 'Bytes');
  });

  it('reads JSON values and dimensions, and publishes nothing for events lacking them', () => {
    const events = at([
      '{"latency": 120, "op": "Converse"}',
      '{"latency": "80", "op": "Converse"}',
      '{"latency": 300, "op": "InvokeModel"}',
      '{"latency": true, "op": "InvokeModel"}',
      '{"latency": 50}',
      '{"latency": 60, "op": "bad\\u0000op"}',
      'not json',
    ]);
    const out = metricFilterDatums(SCOPE, [filter('{ $.latency = * }', { metricValue: '$.latency', dimensions: { Operation: '$.op' }, unit: 'Milliseconds' })], events);
    assert.deepEqual(samples(out.datums), [['Operation=Converse', 120, 1], ['Operation=Converse', 80, 1], ['Operation=InvokeModel', 300, 1]]);
  });

  it('publishes the default value once for each minute with events but no match', () => {
    const events = [
      { timestamp: T0 + 1000, message: 'ERROR one' },
      { timestamp: T0 + 2000, message: 'ERROR two' },
      { timestamp: T0 + 61_000, message: 'INFO fine' },
      { timestamp: T0 + 62_000, message: 'INFO fine again' },
    ];
    const out = metricFilterDatums(SCOPE, [filter('ERROR', { metricValue: '1', defaultValue: 0 })], events);
    assert.deepEqual(out.datums.map((d) => [d.timestamp, d.sample]), [[T0, { kind: 'values', values: [1], counts: [2] }]]);
    assert.equal(out.defaults.length, 1);
    assert.equal(out.defaults[0]?.datum.timestamp, T0 + 60_000);
    assert.deepEqual(out.defaults[0]?.datum.sample, { kind: 'value', value: 0 });
    assert.equal(out.matchedKeys.length, 1);
    assert.notEqual(out.matchedKeys[0], out.defaults[0]?.key);
  });

  it('adds the system field dimensions and keeps dimension order by name', () => {
    const out = metricFilterDatums(SCOPE, [filter('{ $.a = * }', { metricValue: '2', dimensions: { Zed: '$.a' } }, { emitSystemFieldDimensions: ['@aws.region', '@aws.account'] })], at(['{"a":"x"}']));
    assert.deepEqual(out.datums[0]?.metric.dimensions, [
      { name: '@aws.account', value: SCOPE.accountId }, { name: '@aws.region', value: SCOPE.region }, { name: 'Zed', value: 'x' },
    ]);
  });

  it('matches every event with the empty pattern and ignores a pattern that no longer parses', () => {
    const out = metricFilterDatums(SCOPE, [filter('', { metricValue: '1' }), filter('"unterminated', { metricValue: '1' })], at(['a', 'b', 'c']));
    assert.deepEqual(samples(out.datums), [['', 1, 3]]);
  });
});
