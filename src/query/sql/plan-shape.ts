import type { LogicalPlan } from '../plan.js';

/**
 * What the SQL writer learns from a plan's shape before it writes anything: what the events relation must give
 * (so the adapter can write a cheaper one), and whether the records matched can ride along in the result.
 */

/** What the query needs of the events relation, so the adapter can write a cheaper one that gives the same rows. */
export interface SourceShape {
  /**
   * The query keeps only the first `count` events in this `@timestamp` order (ties: latest written first): the
   * adapter may cut the relation to them before it joins or reads anything else.
   */
  readonly first?: FirstEvents;
  /** The column names the query reads: a base column not among them may be NULL (no join needed to make it). */
  readonly uses: ReadonlySet<string>;
}

/** The leading rows of the events in `@timestamp` order, ties broken by `@seq` descending (latest write first). */
export interface FirstEvents {
  readonly direction: 'asc' | 'desc';
  readonly count: number;
}

/**
 * When the plan's first row-dropping stage is a limit in `@timestamp` order (only sorts and row-wise extends before
 * it, so every event in range is a candidate and none is dropped earlier), the events that can reach the result are
 * known before any is read: the first `count` in that order. (`latest 25 prompts` then reads 25 messages, not all.)
 */
export function firstEvents(plan: LogicalPlan): FirstEvents | undefined {
  for (const stage of plan.stages) {
    if (stage.kind === 'sort') continue;
    // An extend keeps every row; one that redefines @timestamp would change what the limit orders by.
    if (stage.kind === 'extend' && stage.columns.every((column) => column.name !== '@timestamp')) continue;
    if (stage.kind !== 'limit' || stage.order.length !== 1) return undefined;
    const key = stage.order[0];
    if (key === undefined || key.expr.kind !== 'column' || key.expr.name !== '@timestamp') return undefined;
    return { direction: key.direction, count: stage.count };
  }
  return undefined;
}


/**
 * Whether the records matched can ride along in the result: the first row-dropping stage after the filters is a
 * limit, and what follows keeps the columns of its rows (no stats, pattern or dedup), so a result row has the count.
 */
export function countsAlongside(plan: LogicalPlan): boolean {
  if (!plan.rowsAreEvents || plan.stages[plan.matchStages]?.kind !== 'limit') return false;
  return plan.stages.slice(plan.matchStages).every((stage) => ['extend', 'sort', 'limit', 'filter'].includes(stage.kind));
}
