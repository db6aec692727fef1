import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseExtendedStatistic } from './extended-statistic.js';

test('short forms carry one percentage; tm/tc/ts/wm trim the top', () => {
  assert.deepEqual(parseExtendedStatistic('p99'), { kind: 'percentile', percent: 99 });
  assert.deepEqual(parseExtendedStatistic('p99.9'), { kind: 'percentile', percent: 99.9 });
  assert.deepEqual(parseExtendedStatistic('p0'), { kind: 'percentile', percent: 0 });
  assert.deepEqual(parseExtendedStatistic('tm90'), { kind: 'trimmedMean', upper: { percent: 90 } });
  assert.deepEqual(parseExtendedStatistic('tc90'), { kind: 'trimmedCount', upper: { percent: 90 } });
  assert.deepEqual(parseExtendedStatistic('ts90'), { kind: 'trimmedSum', upper: { percent: 90 } });
  assert.deepEqual(parseExtendedStatistic('wm95'), { kind: 'winsorizedMean', upper: { percent: 95 } });
  assert.deepEqual(parseExtendedStatistic('IQM'), { kind: 'trimmedMean', lower: { percent: 25 }, upper: { percent: 75 } });
});

test('uppercase ranges take percentages or absolute values on either side', () => {
  assert.deepEqual(parseExtendedStatistic('TM(10%:90%)'), { kind: 'trimmedMean', lower: { percent: 10 }, upper: { percent: 90 } });
  assert.deepEqual(parseExtendedStatistic('TM(:95%)'), { kind: 'trimmedMean', upper: { percent: 95 } });
  assert.deepEqual(parseExtendedStatistic('TM(150:1000)'), { kind: 'trimmedMean', lower: { value: 150 }, upper: { value: 1000 } });
  assert.deepEqual(parseExtendedStatistic('PR(10:)'), { kind: 'percentRank', lower: { value: 10 } });
  assert.deepEqual(parseExtendedStatistic('WM(5%:95%)'), { kind: 'winsorizedMean', lower: { percent: 5 }, upper: { percent: 95 } });
});

test('anything else is refused', () => {
  for (const name of ['p101', 'P99', 'tm', 'TM()', 'TM(:)', 'tm(10%:90%)', 'TM(10%:101%)', 'Average', 'p-1', 'PR(a:b)', 'p99 ']) {
    assert.equal(parseExtendedStatistic(name), undefined, name);
  }
});
