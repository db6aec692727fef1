import type { TimeShift } from './ast.js';
import type { Comparison, LogicalPlan } from './plan.js';

/** A query's time range: epoch milliseconds, both ends inclusive (StartQuery's seconds, converted). */
export interface TimeRange {
  readonly start: number;
  readonly end: number;
}

const DAY_MS = 86_400_000;
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS } as const;
const UNIT_MONTHS = { mo: 1, q: 3, y: 12 } as const;

/**
 * The range `diff` compares with: the equal-length range just before (`diff`), or the same range one day, week or
 * calendar month earlier. A month back keeps the day of the month, or the month's last day when it has fewer days.
 */
export function previousRange(range: TimeRange, window: Comparison): TimeRange {
  if (typeof window !== 'string') return shiftedRange(range, window);
  switch (window) {
    case 'previousPeriod': {
      const length = range.end - range.start + 1;
      return { start: range.start - length, end: range.start - 1 };
    }
    case 'previousDay':
      return { start: range.start - DAY_MS, end: range.end - DAY_MS };
    case 'previousWeek':
      return { start: range.start - 7 * DAY_MS, end: range.end - 7 * DAY_MS };
    case 'previousMonth':
      return { start: monthEarlier(range.start), end: monthEarlier(range.end) };
  }
}

/**
 * `logcompare timeshift 7d`: the query's range moved back by the duration; months, quarters and years move by
 * calendar months as `diff previousMonth` does [unconfirmed: AWS's example shifts by 7d only].
 */
function shiftedRange(range: TimeRange, shift: TimeShift): TimeRange {
  if (shift.unit === 'mo' || shift.unit === 'q' || shift.unit === 'y') {
    const months = UNIT_MONTHS[shift.unit] * shift.amount;
    return { start: monthsEarlier(range.start, months), end: monthsEarlier(range.end, months) };
  }
  const ms = UNIT_MS[shift.unit] * shift.amount;
  return { start: range.start - ms, end: range.end - ms };
}

/** The comparison the plan makes, if any (a `diff` after its `pattern`). */
export function comparisonOf(plan: LogicalPlan): Comparison | undefined {
  for (const stage of plan.stages) if (stage.kind === 'pattern' && stage.comparison !== undefined) return stage.comparison;
  return undefined;
}

/**
 * The ranges of events an adapter must read: the query's, and with a `diff` the compared one too (one range when
 * they touch or overlap, so no event is read twice; two otherwise, so a week-back diff of an hour reads two hours).
 */
export function scanRanges(plan: LogicalPlan, range: TimeRange): readonly TimeRange[] {
  const window = comparisonOf(plan);
  if (window === undefined) return [range];
  const previous = previousRange(range, window);
  if (previous.end + 1 < range.start || range.end + 1 < previous.start) return [previous, range];
  return [{ start: Math.min(range.start, previous.start), end: Math.max(range.end, previous.end) }];
}

function monthEarlier(epochMs: number): number {
  return monthsEarlier(epochMs, 1);
}

function monthsEarlier(epochMs: number, months: number): number {
  const at = new Date(epochMs);
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(at.getUTCDate(), lastDay);
  return Date.UTC(year, month, day, at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), at.getUTCMilliseconds());
}
