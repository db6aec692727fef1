import { assertNever } from '../../kernel/index.js';
import { MetricMathError } from '../metric-math-error.js';
import type { MathExpr } from './ast.js';

/**
 * The Ids an expression reads, in first-use order: direct references (`m1`, `e1`) and the metric Ids `METRICS()` /
 * `METRICS('x')` expand to. `metricIds` are the request's MetricStat queries in request order. A SEARCH reads the
 * metric store, not other queries, so it adds nothing.
 */
export function referencedIds(expr: MathExpr, metricIds: readonly string[]): readonly string[] {
  const found = new Set<string>();
  const visit = (node: MathExpr): void => {
    switch (node.kind) {
      case 'ref':
        found.add(node.id);
        return;
      case 'call':
        if (node.name === 'METRICS') {
          const filter = node.args[0];
          const text = filter?.kind === 'string' ? filter.value : '';
          for (const id of metricIds) if (id.includes(text)) found.add(id);
        }
        node.args.forEach(visit);
        return;
      case 'array':
        node.items.forEach(visit);
        return;
      case 'negate':
        visit(node.operand);
        return;
      case 'binary':
        visit(node.left);
        visit(node.right);
        return;
      case 'number': case 'string': case 'keyword': case 'search':
        return;
      default:
        assertNever(node, 'expression');
    }
  };
  visit(expr);
  return [...found];
}

export interface QueryDependencies {
  readonly id: string;
  /** Ids this query reads (`referencedIds` for an expression, `[]` for a MetricStat or a Metrics Insights query). */
  readonly dependsOn: readonly string[];
}

/**
 * An order in which every query comes after the queries it reads (request order otherwise). Refuses a reference to
 * an Id that is not in the request and any cycle (`e1` reads `e2` reads `e1`), naming the Ids involved.
 */
export function evaluationOrder(queries: readonly QueryDependencies[]): readonly string[] {
  const byId = new Map(queries.map((q) => [q.id, q]));
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: readonly string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(id)), id].join(' -> ');
      throw new MetricMathError(`Circular dependency between queries: ${cycle}`, 0, 'validation');
    }
    state.set(id, 'visiting');
    for (const dep of byId.get(id)?.dependsOn ?? []) {
      if (!byId.has(dep)) {
        throw new MetricMathError(`Expression ${id} refers to "${dep}", which is not the Id of a query in the request`, 0, 'validation');
      }
      visit(dep, [...path, id]);
    }
    state.set(id, 'done');
    order.push(id);
  };
  for (const query of queries) visit(query.id, []);
  return order;
}
