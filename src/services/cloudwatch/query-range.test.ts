import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isServiceError } from '../../kernel/index.js';
import { checkDatapointLimit, checkPeriod, queryRange } from './query-range.js';

const NOW = Date.UTC(2026, 0, 31, 12, 0, 0);
const seconds = (ms: number): number => ms / 1000;
const ago = (ms: number): number => seconds(NOW - ms);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

test('periods: 1, 5, 10, 20, 30 or multiples of 60', () => {
  for (const period of [1, 5, 10, 20, 30, 60, 120, 3600]) assert.doesNotThrow(() => checkPeriod(period, 'Period'));
  for (const period of [2, 15, 45, 61, 90]) {
    assert.throws(() => checkPeriod(period, 'Period'), (e) => isServiceError(e) && e.queryCode === 'InvalidParameterValue');
  }
});

test('StartTime is rounded down by its age, and old data only answers coarse periods', () => {
  const recent = queryRange({ startSeconds: ago(HOUR) + 17.5, endSeconds: seconds(NOW), period: 10, now: NOW });
  assert.equal(recent.start, NOW - HOUR + 10_000);
  assert.equal(recent.servable, true);
  const day = queryRange({ startSeconds: ago(DAY) + 17, endSeconds: seconds(NOW), period: 60, now: NOW });
  assert.equal(day.start, NOW - DAY);
  assert.equal(queryRange({ startSeconds: ago(DAY), endSeconds: seconds(NOW), period: 10, now: NOW }).servable, false);
  const month = queryRange({ startSeconds: ago(20 * DAY) + 200, endSeconds: seconds(NOW), period: 300, now: NOW });
  assert.equal(month.start, NOW - 20 * DAY);
  assert.equal(queryRange({ startSeconds: ago(20 * DAY), endSeconds: seconds(NOW), period: 60, now: NOW }).servable, false);
  const old = queryRange({ startSeconds: ago(100 * DAY) + 1800, endSeconds: seconds(NOW), period: 3600, now: NOW });
  assert.equal(old.start, NOW - 100 * DAY);
  assert.equal(queryRange({ startSeconds: ago(100 * DAY), endSeconds: seconds(NOW), period: 300, now: NOW }).servable, false);
});

test('StartTime must come before EndTime', () => {
  assert.throws(() => queryRange({ startSeconds: seconds(NOW), endSeconds: seconds(NOW), period: 60, now: NOW }), /StartTime must be less than/);
});

test('at most 1,440 datapoints', () => {
  checkDatapointLimit(queryRange({ startSeconds: ago(DAY), endSeconds: seconds(NOW), period: 60, now: NOW }));
  assert.throws(
    () => checkDatapointLimit(queryRange({ startSeconds: ago(DAY + MIN), endSeconds: seconds(NOW), period: 60, now: NOW })),
    (e) => isServiceError(e) && e.queryCode === 'InvalidParameterCombination' && e.message.startsWith('You have requested up to 1,441 datapoints'),
  );
});
