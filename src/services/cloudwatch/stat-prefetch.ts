import type { TimeSeries } from '../../metric-math/index.js';
import type { MetricStore, Scope } from '../../storage/index.js';
import type { PlannedStat } from './metric-data-queries.js';
import { statSeries } from './stat-series.js';

export interface StatWindow {
  readonly start: number;
  readonly end: number;
}

/**
 * Reads every MetricStat query of a GetMetricData call with as few store reads as possible: queries sharing the
 * window, period, unit and statistic (a dashboard's 100 series, typically) are one `aggregate` call, i.e. one SQL
 * scan instead of one per query. Results are keyed by query id.
 */
export async function prefetchStats(
  store: MetricStore,
  scope: Scope,
  plans: readonly { readonly plan: PlannedStat; readonly window: StatWindow }[],
): Promise<Map<string, Omit<TimeSeries, 'label'>>> {
  const groups = new Map<string, { plans: PlannedStat[]; window: StatWindow }>();
  for (const { plan, window } of plans) {
    const key = JSON.stringify([window.start, window.end, plan.periodSeconds, plan.unit ?? null, plan.stat]);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { plans: [plan], window });
    else group.plans.push(plan);
  }
  const out = new Map<string, Omit<TimeSeries, 'label'>>();
  for (const { plans: members, window } of groups.values()) {
    const [first] = members;
    if (first === undefined) continue;
    const series = await statSeries(store, scope, {
      metrics: members.map((p) => p.metric),
      ...(first.unit === undefined ? {} : { unit: first.unit }),
      stat: first.stat,
      start: window.start,
      end: window.end,
      periodSeconds: first.periodSeconds,
    });
    members.forEach((plan, i) => out.set(plan.id, series[i] ?? { timestamps: [], values: [], periodSeconds: plan.periodSeconds }));
  }
  return out;
}
