import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseQuery, planQuery } from './index.js';
import { previousRange, scanRanges } from './diff-window.js';

const at = (iso: string): number => Date.parse(iso);
const hour = { start: at('2024-05-05T12:00:00Z'), end: at('2024-05-05T12:59:59.999Z') };

test('diff compares with the equal-length range just before, or a day, week or month earlier', () => {
  assert.deepEqual(previousRange(hour, 'previousPeriod'), { start: at('2024-05-05T11:00:00Z'), end: at('2024-05-05T11:59:59.999Z') });
  assert.deepEqual(previousRange(hour, 'previousDay'), { start: at('2024-05-04T12:00:00Z'), end: at('2024-05-04T12:59:59.999Z') });
  assert.deepEqual(previousRange(hour, 'previousWeek'), { start: at('2024-04-28T12:00:00Z'), end: at('2024-04-28T12:59:59.999Z') });
  assert.deepEqual(previousRange(hour, 'previousMonth'), { start: at('2024-04-05T12:00:00Z'), end: at('2024-04-05T12:59:59.999Z') });
});

test('a month back from a day the earlier month lacks is that month\'s last day', () => {
  const range = { start: at('2024-03-31T00:00:00Z'), end: at('2024-03-31T23:59:59.999Z') };
  assert.deepEqual(previousRange(range, 'previousMonth'), { start: at('2024-02-29T00:00:00Z'), end: at('2024-02-29T23:59:59.999Z') });
  assert.equal(previousRange({ start: at('2024-01-15T00:00:00Z'), end: at('2024-01-15T00:00:00Z') }, 'previousMonth').start, at('2023-12-15T00:00:00Z'));
});

test('an adapter reads one range, or two when the compared range does not touch the query\'s', () => {
  const plan = (query: string) => planQuery(parseQuery(query), { limit: 100 });
  assert.deepEqual(scanRanges(plan('pattern @message'), hour), [hour]);
  assert.deepEqual(scanRanges(plan('pattern @message | diff'), hour), [{ start: at('2024-05-05T11:00:00Z'), end: hour.end }]);
  assert.deepEqual(scanRanges(plan('diff previousDay'), hour), [previousRange(hour, 'previousDay'), hour]);
  const twoDays = { start: at('2024-05-04T00:00:00Z'), end: at('2024-05-05T23:59:59.999Z') };
  assert.deepEqual(scanRanges(plan('diff previousDay'), twoDays), [{ start: at('2024-05-03T00:00:00Z'), end: twoDays.end }]);
});
