import type { Reducer } from './aggregate.js';
import { reduce } from './aggregate.js';
import type { Fail } from './state.js';
import type { TimeSeries } from './value.js';

/**
 * SORT(TS[], AVG|MIN|MAX|SUM, ASC|DESC[, limit]): members ordered by that statistic of their points (stable for
 * ties); members without points, whose statistic is undefined, go last either way. The limit keeps the first n.
 */
export function sortSeries(
  members: readonly TimeSeries[],
  by: Reducer,
  order: 'ASC' | 'DESC',
  limit: number | undefined,
  fail: Fail,
): TimeSeries[] {
  const keyed = members.map((series, index) => ({ series, index, key: reduce(by, series.values) }));
  keyed.sort((a, b) => {
    const aMissing = Number.isNaN(a.key);
    const bMissing = Number.isNaN(b.key);
    if (aMissing || bMissing) return aMissing === bMissing ? a.index - b.index : aMissing ? 1 : -1;
    const diff = order === 'ASC' ? a.key - b.key : b.key - a.key;
    return diff !== 0 ? diff : a.index - b.index;
  });
  const sorted = keyed.map((k) => k.series);
  return limit === undefined ? sorted : sorted.slice(0, count(limit, 'SORT limit', fail));
}

/** SLICE(TS[], start[, end]): members start (inclusive, 0-based) to end (exclusive), or from start on. */
export function sliceSeries(members: readonly TimeSeries[], start: number, end: number | undefined, fail: Fail): TimeSeries[] {
  const from = count(start, 'SLICE start', fail);
  return end === undefined ? members.slice(from) : members.slice(from, count(end, 'SLICE end', fail));
}

/** REMOVE_EMPTY: drops members that have no points. */
export function removeEmpty(members: readonly TimeSeries[]): TimeSeries[] {
  return members.filter((s) => s.timestamps.length > 0);
}

/** FIRST / LAST of an array; an empty array gives an empty series. */
export function pick(members: readonly TimeSeries[], which: 'FIRST' | 'LAST'): TimeSeries {
  const chosen = which === 'FIRST' ? members[0] : members[members.length - 1];
  return chosen ?? { label: which, timestamps: [], values: [] };
}

function count(value: number, what: string, fail: Fail): number {
  if (!Number.isInteger(value) || value < 0) return fail(`${what} must be a whole number of at least 0, got ${value}`);
  return value;
}
