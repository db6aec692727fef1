import type { PlanExpr, ValueType } from '../plan.js';
import type { Bind, SqlDialect } from './dialect.js';

export interface Rendered {
  readonly sql: string;
  readonly type: ValueType;
}

/** Renders expressions against the current relation's columns; shared with render-function.ts. */
export interface ExprRenderer {
  readonly dialect: SqlDialect;
  readonly bind: Bind;
  /** Renders once: every render binds its literals, so render an expression once and convert the result. */
  render(expr: PlanExpr): Rendered;
  toNumber(rendered: Rendered): string;
  toText(rendered: Rendered): string;
  toBoolean(rendered: Rendered): string;
  asNumber(expr: PlanExpr): string;
  asText(expr: PlanExpr): string;
  asBoolean(expr: PlanExpr): string;
}
