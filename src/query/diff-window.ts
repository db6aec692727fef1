import type { DiffWindow } from './ast.js';
import type { LogicalPlan } from './plan.js';

/** A query's time range: epoch milliseconds, both ends inclusive (StartQuery's seconds, converted). */
export interface TimeRange {
  readonly start: number;
  readonly end: number;
}

const DAY_MS = 86_400_000;

/**
 * The range `diff` compares with: the equal-length range just before (`diff`), or the same range one day, week or
 * calendar month earlier. A month back keeps the day of the month, or the month's last day when it has fewer days.
 */
export function previousRange(range: TimeRange, window: DiffWindow): TimeRange {
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

/** The comparison the plan makes, if any (a `diff` after its `pattern`). */
export function comparisonOf(plan: LogicalPlan): DiffWindow | undefined {
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
  const at = new Date(epochMs);
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth() - 1;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(at.getUTCDate(), lastDay);
  return Date.UTC(year, month, day, at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), at.getUTCMilliseconds());
}
