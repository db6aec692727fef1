import type { LogicalPlan, Stage } from '../plan.js';
import { columnsOf } from './plan-columns.js';

/**
 * Moves `extend` stages that sit just before a `limit` to just after it, when the limit's order does not use what
 * they compute: `fields @timestamp, <json field> as prompt | sort @timestamp desc | limit 25` then extracts 25
 * prompts, not one per event. An extend is row-wise and keeps every row, so the rows, their order and the records
 * matched (counted before the first limit) are unchanged.
 */
export function limitBeforeExtend(plan: LogicalPlan): LogicalPlan {
  const stages = [...plan.stages];
  let matchStages = plan.matchStages;
  for (let i = 0; i < stages.length; i++) {
    const limit = stages[i];
    if (limit?.kind !== 'limit') continue;
    const used = new Set(limit.order.flatMap((key) => columnsOf(key.expr)));
    let j = i;
    while (j > 0 && (stages[j - 1]?.kind === 'extend' || stages[j - 1]?.kind === 'sort')) j--;
    const between = stages.slice(j, i);
    const movable = between.filter((s): s is Extract<Stage, { kind: 'extend' }> => s.kind === 'extend');
    // Only when nothing in the run needs what the extends add: the limit's order, a later extend in the same run.
    const defined = new Set(movable.flatMap((s) => s.columns.map((c) => c.name)));
    const readsDefined = (s: Stage): boolean => s.kind === 'extend' && s.columns.some((c) => columnsOf(c.expr).some((name) => defined.has(name)));
    if (movable.length === 0 || [...used].some((name) => defined.has(name)) || movable.some(readsDefined)) continue;
    const kept = between.filter((s) => s.kind !== 'extend');
    stages.splice(j, i - j + 1, ...kept, limit, ...movable);
    if (matchStages === i) matchStages = j + kept.length;
    i = j + kept.length + movable.length;
  }
  return { ...plan, stages, matchStages };
}

/**
 * The final order and limit as a stage too, when rows are events, so extends at the end also run on the kept rows
 * only (limitBeforeExtend). The final select still orders and limits: the same rows again.
 */
export function withFinalLimit(plan: LogicalPlan): LogicalPlan {
  if (!plan.rowsAreEvents || plan.stages.at(-1)?.kind !== 'extend') return plan;
  return { ...plan, stages: [...plan.stages, { kind: 'limit', count: plan.limit, order: plan.order }] };
}
