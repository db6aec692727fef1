import { assertNever } from '../kernel/index.js';
import type { Comparison, LogicalPlan, OrderKey, PlanExpr, Stage } from './plan.js';

/** A one-line rendering of a logical plan for golden files: stages, then output, order and limit. */
export function describePlan(plan: LogicalPlan): string {
  const stages = plan.stages.map(describeStage);
  const output = plan.output.map((c) => `${c.name}=${describePlanExpr(c.expr)}`).join(' ');
  return `${stages.join(' ')} (output ${output}) (order ${describeOrder(plan.order)}) (limit ${plan.limit})${plan.rowsAreEvents ? '' : ' (aggregated)'}${plan.columnTotals === undefined ? '' : ` (column-totals ${plan.columnTotals.join(' ')})`}`;
}

function describeComparison(comparison: Comparison): string {
  return typeof comparison === 'string' ? comparison : `timeshift ${comparison.amount}${comparison.unit}`;
}

function describeOrder(keys: readonly OrderKey[]): string {
  return keys.map((k) => `${k.direction}:${describePlanExpr(k.expr)}`).join(' ');
}

function describeStage(stage: Stage): string {
  switch (stage.kind) {
    case 'extend':
      return `(extend ${stage.columns.map((c) => `${c.name}=${describePlanExpr(c.expr)}`).join(' ')})`;
    case 'filter':
      return `(filter ${describePlanExpr(stage.condition)})`;
    case 'aggregate': {
      const groups = stage.groups.map((c) => `${c.name}=${describePlanExpr(c.expr)}`).join(' ');
      return `(aggregate (groups ${groups}) ${stage.aggregates.map((c) => `${c.name}=${describePlanExpr(c.expr)}`).join(' ')})`;
    }
    case 'sort':
      return `(sort ${describeOrder(stage.keys)})`;
    case 'dedup':
      return `(dedup ${stage.keys.map(describePlanExpr).join(' ')})`;
    case 'limit':
      return `(limit ${stage.count})`;
    case 'pattern':
      return `(pattern ${describePlanExpr(stage.source)}${stage.comparison === undefined ? '' : ` (diff ${describeComparison(stage.comparison)})`})`;
    case 'explode': {
      const items = stage.items;
      const what = items.kind === 'regex-matches' ? `(matches /${items.pattern}/ ${items.columns.map((c) => `${c.name}=${c.group}`).join(' ')})` : `(items ${items.column})`;
      return `(explode ${describePlanExpr(stage.source)} ${what})`;
    }
    default:
      return assertNever(stage);
  }
}

export function describePlanExpr(expr: PlanExpr): string {
  switch (expr.kind) {
    case 'column':
      return `[${expr.name}:${expr.type}]`;
    case 'json-path':
      return `${describePlanExpr(expr.source)}${expr.path.map((s) => ('index' in s ? `[${s.index}]` : `.${s.key}`)).join('')}`;
    case 'literal':
      return JSON.stringify(expr.value);
    case 'regex':
      return `/${expr.pattern}/${expr.caseInsensitive ? 'i' : ''}`;
    case 'period':
      return `${expr.amount}${expr.unit}`;
    case 'not':
    case 'negate':
      return `(${expr.kind} ${describePlanExpr(expr.operand)})`;
    case 'logical':
    case 'compare':
    case 'arithmetic':
      return `(${expr.op} ${describePlanExpr(expr.left)} ${describePlanExpr(expr.right)})`;
    case 'contains':
      return `(contains ${describePlanExpr(expr.subject)} ${describePlanExpr(expr.text)})`;
    case 'matches':
      return `(matches ${describePlanExpr(expr.subject)} /${expr.pattern}/${expr.caseInsensitive ? 'i' : ''})`;
    case 'function':
    case 'aggregate':
      return `(${expr.kind === 'aggregate' ? 'agg:' : ''}${expr.name}${expr.args.map((a) => ` ${describePlanExpr(a)}`).join('')}):${expr.type}`;
    case 'extract':
      return `(extract ${describePlanExpr(expr.source)} /${expr.pattern}/ ${expr.group})`;
    default:
      return assertNever(expr);
  }
}
