import { assertNever } from '../../kernel/index.js';
import type { LogicalPlan, PlanExpr, Stage } from '../plan.js';

/** The names of the columns an expression reads. */
export function columnsOf(expr: PlanExpr): string[] {
  switch (expr.kind) {
    case 'column':
      return [expr.name];
    case 'json-path':
      return columnsOf(expr.source);
    case 'literal':
    case 'regex':
    case 'period':
      return [];
    case 'not':
    case 'negate':
      return columnsOf(expr.operand);
    case 'logical':
    case 'compare':
    case 'arithmetic':
      return [...columnsOf(expr.left), ...columnsOf(expr.right)];
    case 'contains':
      return [...columnsOf(expr.subject), ...columnsOf(expr.text)];
    case 'matches':
      return columnsOf(expr.subject);
    case 'extract':
      return columnsOf(expr.source);
    case 'function':
    case 'aggregate':
      return expr.args.flatMap(columnsOf);
    default:
      return assertNever(expr);
  }
}

/**
 * Every column name any stage, the output or the final order reads: a base column not in it is never read, so the
 * adapter may leave it out of the events relation (and skip the join that makes it).
 */
export function columnsUsed(plan: LogicalPlan): ReadonlySet<string> {
  const exprs = [...plan.stages.flatMap(stageExprs), ...plan.output.map((c) => c.expr), ...plan.order.map((k) => k.expr)];
  return new Set(exprs.flatMap(columnsOf));
}

function stageExprs(stage: Stage): PlanExpr[] {
  switch (stage.kind) {
    case 'extend':
      return stage.columns.map((c) => c.expr);
    case 'filter':
      return [stage.condition];
    case 'aggregate':
      return [...stage.groups, ...stage.aggregates].map((c) => c.expr);
    case 'sort':
      return stage.keys.map((k) => k.expr);
    case 'dedup':
      return [...stage.keys, ...stage.order.map((k) => k.expr)];
    case 'limit':
      return stage.order.map((k) => k.expr);
    case 'pattern':
    case 'explode':
      return [stage.source];
    default:
      return assertNever(stage);
  }
}
