import type { ListMetricFiltersQuery, MetricFilterRecord, MetricTransformationRecord, Scope } from '../storage/index.js';
import { queryGroupId } from './lookups.js';
import { SqlParams, bool, num, optionalStr, str, type SqlRow } from './sql-values.js';
import type { StoreContext } from './store-context.js';

export async function putMetricFilter(ctx: StoreContext, scope: Scope, filter: MetricFilterRecord): Promise<'created' | 'replaced' | 'no-group'> {
  const outcome = await ctx.lane.transaction(async (db): Promise<'created' | 'replaced' | 'no-group'> => {
    const groupId = await queryGroupId(db, scope, filter.logGroupName);
    if (groupId === undefined) return 'no-group';
    const p = new SqlParams();
    const removed = await db.run(
      `DELETE FROM metric_filters WHERE group_id = ${p.bigint(groupId)} AND filter_name = ${p.text(filter.filterName)}`,
      p,
    );
    const v = new SqlParams();
    await db.run(
      `INSERT INTO metric_filters VALUES (${v.bigint(groupId)}, ${v.text(filter.filterName)}, ${v.text(filter.filterPattern)},
         ${v.text(JSON.stringify(filter.metricTransformations))}, ${v.bigint(filter.creationTime)},
         ${v.bool(filter.applyOnTransformedLogs)}, ${v.optionalText(filter.fieldSelectionCriteria)},
         ${v.optionalText(filter.emitSystemFieldDimensions === undefined ? undefined : JSON.stringify(filter.emitSystemFieldDimensions))})`,
      v,
    );
    return removed > 0 ? 'replaced' : 'created';
  });
  if (outcome !== 'no-group') ctx.metricFilters.changed(scope, filter.logGroupName);
  return outcome;
}

export async function deleteMetricFilter(ctx: StoreContext, scope: Scope, logGroupName: string, filterName: string): Promise<'deleted' | 'no-group' | 'no-filter'> {
  const outcome = await ctx.lane.transaction(async (db): Promise<'deleted' | 'no-group' | 'no-filter'> => {
    const groupId = await queryGroupId(db, scope, logGroupName);
    if (groupId === undefined) return 'no-group';
    const p = new SqlParams();
    const removed = await db.run(`DELETE FROM metric_filters WHERE group_id = ${p.bigint(groupId)} AND filter_name = ${p.text(filterName)}`, p);
    return removed > 0 ? 'deleted' : 'no-filter';
  });
  if (outcome === 'deleted') ctx.metricFilters.changed(scope, logGroupName);
  return outcome;
}

export async function listMetricFilters(ctx: StoreContext, scope: Scope, query: ListMetricFiltersQuery): Promise<MetricFilterRecord[]> {
  const { logGroupName } = query;
  const wholeGroup = query.filterNamePrefix === undefined && query.metricName === undefined && query.metricNamespace === undefined && query.after === undefined;
  // Every write asks for its group's filters so: from the cache, which holds them all in SQL order.
  if (logGroupName !== undefined && wholeGroup) {
    const all = await ctx.metricFilters.through(scope, logGroupName, () => queryMetricFilters(ctx, scope, { logGroupName }));
    return (all ?? []).slice(0, query.limit);
  }
  return queryMetricFilters(ctx, scope, query);
}

/** metricName/metricNamespace live inside the transformations JSON, so they are matched here and LIMIT applied after. */
function queryMetricFilters(ctx: StoreContext, scope: Scope, query: Omit<ListMetricFiltersQuery, 'limit'> & { readonly limit?: number }): Promise<MetricFilterRecord[]> {
  const p = new SqlParams();
  const where = [`g.account_id = ${p.text(scope.accountId)}`, `g.region = ${p.text(scope.region)}`];
  if (query.logGroupName !== undefined) where.push(`g.name = ${p.text(query.logGroupName)}`);
  if (query.filterNamePrefix !== undefined) where.push(`starts_with(m.filter_name, ${p.text(query.filterNamePrefix)})`);
  if (query.after !== undefined) {
    const group = p.text(query.after.logGroupName);
    where.push(`(g.name > ${group} OR (g.name = ${group} AND m.filter_name > ${p.text(query.after.filterName)}))`);
  }
  const byMetric = query.metricName !== undefined || query.metricNamespace !== undefined;
  const limit = byMetric || query.limit === undefined ? '' : `LIMIT ${p.bigint(query.limit)}`;
  const sql = `SELECT g.name AS group_name, m.* FROM metric_filters m JOIN log_groups g ON g.group_id = m.group_id
    WHERE ${where.join(' AND ')} ORDER BY g.name, m.filter_name ${limit}`;
  return ctx.reads.use(async (db) => {
    const filters = (await db.rows(sql, p)).map(metricFilterRecord);
    if (!byMetric) return filters;
    const matches = (t: MetricTransformationRecord): boolean =>
      (query.metricName === undefined || t.metricName === query.metricName) &&
      (query.metricNamespace === undefined || t.metricNamespace === query.metricNamespace);
    return filters.filter((filter) => filter.metricTransformations.some(matches)).slice(0, query.limit ?? filters.length);
  });
}

function metricFilterRecord(row: SqlRow): MetricFilterRecord {
  const fieldSelectionCriteria = optionalStr(row, 'field_selection_criteria');
  const dimensions = optionalStr(row, 'emit_system_field_dimensions');
  return {
    logGroupName: str(row, 'group_name'),
    filterName: str(row, 'filter_name'),
    filterPattern: str(row, 'filter_pattern'),
    metricTransformations: JSON.parse(str(row, 'metric_transformations')) as MetricTransformationRecord[],
    creationTime: num(row, 'creation_time'),
    applyOnTransformedLogs: bool(row, 'apply_on_transformed_logs'),
    ...(fieldSelectionCriteria === undefined ? {} : { fieldSelectionCriteria }),
    ...(dimensions === undefined ? {} : { emitSystemFieldDimensions: JSON.parse(dimensions) as string[] }),
  };
}
