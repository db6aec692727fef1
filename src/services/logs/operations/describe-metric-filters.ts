import type { Operation } from '../../../kernel/index.js';
import type { DescribeMetricFiltersRequest, DescribeMetricFiltersResponse, MetricFilter, StandardUnit } from '../../../models/logs/index.js';
import type { MetricFilterRecord } from '../../../storage/index.js';
import { decodePageToken, encodePageToken } from '../../common/index.js';
import { invalidNextToken, invalidParameter } from '../errors.js';
import { requireLogGroup, scopeOf } from '../log-group-ref.js';
import type { LogsServiceDeps } from '../logs-deps.js';
import { parseLogsInput } from '../logs-input.js';

const TOKEN_KIND = 'DescribeMetricFilters';
const DEFAULT_LIMIT = 50;

/**
 * DescribeMetricFilters: sorted by group then filter name. As documented, `filterNamePrefix` only applies together
 * with `logGroupName` (it is ignored otherwise), and `metricName` and `metricNamespace` go together.
 */
export function describeMetricFilters({ store }: LogsServiceDeps): Operation<unknown, DescribeMetricFiltersResponse> {
  return async (raw, ctx) => {
    const input = parseLogsInput<DescribeMetricFiltersRequest>('DescribeMetricFilters', raw);
    if ((input.metricName === undefined) !== (input.metricNamespace === undefined)) {
      throw invalidParameter('metricName and metricNamespace must be specified together.');
    }
    const scope = scopeOf(ctx);
    if (input.logGroupName !== undefined) await requireLogGroup(store, scope, input.logGroupName);
    const after = readToken(input.nextToken);
    const limit = input.limit ?? DEFAULT_LIMIT;
    const found = await store.listMetricFilters(scope, {
      ...(input.logGroupName === undefined ? {} : { logGroupName: input.logGroupName }),
      ...(input.logGroupName === undefined || input.filterNamePrefix === undefined ? {} : { filterNamePrefix: input.filterNamePrefix }),
      ...(input.metricName === undefined ? {} : { metricName: input.metricName }),
      ...(input.metricNamespace === undefined ? {} : { metricNamespace: input.metricNamespace }),
      ...(after === undefined ? {} : { after }),
      limit: limit + 1,
    });
    const page = found.slice(0, limit);
    const last = page[page.length - 1];
    return {
      metricFilters: page.map(toMetricFilter),
      ...(found.length > limit && last !== undefined ? { nextToken: encodePageToken(TOKEN_KIND, { g: last.logGroupName, f: last.filterName }) } : {}),
    };
  };
}

function readToken(token: string | undefined): { logGroupName: string; filterName: string } | undefined {
  if (token === undefined) return undefined;
  const state = decodePageToken(TOKEN_KIND, token);
  if (typeof state?.g !== 'string' || typeof state.f !== 'string') throw invalidNextToken();
  return { logGroupName: state.g, filterName: state.f };
}

function toMetricFilter(f: MetricFilterRecord): MetricFilter {
  return {
    filterName: f.filterName,
    filterPattern: f.filterPattern,
    // The store keeps what PutMetricFilter validated, so a stored unit is always a StandardUnit.
    metricTransformations: f.metricTransformations.map(({ unit, ...t }) => ({ ...t, ...(unit === undefined ? {} : { unit: unit as StandardUnit }) })),
    creationTime: f.creationTime,
    logGroupName: f.logGroupName,
    applyOnTransformedLogs: f.applyOnTransformedLogs,
    ...(f.fieldSelectionCriteria === undefined ? {} : { fieldSelectionCriteria: f.fieldSelectionCriteria }),
    ...(f.emitSystemFieldDimensions === undefined ? {} : { emitSystemFieldDimensions: f.emitSystemFieldDimensions }),
  };
}
