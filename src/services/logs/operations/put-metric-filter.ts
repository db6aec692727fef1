import type { Operation } from '../../../kernel/index.js';
import type { PutMetricFilterRequest } from '../../../models/logs/index.js';
import type { MetricFilterRecord } from '../../../storage/index.js';
import { countRegexes, parseFilterPattern } from '../../../filter-pattern/index.js';
import { limitExceeded, logGroupNotFound } from '../errors.js';
import { parsePatternInput } from '../filter-pattern-input.js';
import { requireLogGroup, scopeOf } from '../log-group-ref.js';
import type { LogsServiceDeps } from '../logs-deps.js';
import { parseLogsInput } from '../logs-input.js';
import {
  checkMetricTransformation, checkSystemFieldDimensions, MAX_METRIC_FILTERS_PER_GROUP, MAX_REGEX_PATTERNS_PER_GROUP,
} from '../metric-filter-rules.js';

/**
 * PutMetricFilter: creates or replaces a group's filter. Quotas: 100 filters per group, and at most 5 of a group's
 * filter patterns may use regular expressions (the 2-per-pattern quota is the pattern parser's).
 */
export function putMetricFilter({ store }: LogsServiceDeps): Operation<unknown, Record<string, never>> {
  return async (raw, ctx) => {
    const input = parseLogsInput<PutMetricFilterRequest>('PutMetricFilter', raw);
    const pattern = parsePatternInput(input.filterPattern, 'metric-filter');
    for (const t of input.metricTransformations) checkMetricTransformation(t, input.filterPattern);
    checkSystemFieldDimensions(input.emitSystemFieldDimensions);
    const scope = scopeOf(ctx);
    await requireLogGroup(store, scope, input.logGroupName);
    const existing = await store.listMetricFilters(scope, { logGroupName: input.logGroupName, limit: MAX_METRIC_FILTERS_PER_GROUP + 1 });
    const previous = existing.find((f) => f.filterName === input.filterName);
    const others = existing.filter((f) => f !== previous);
    if (previous === undefined && others.length >= MAX_METRIC_FILTERS_PER_GROUP) throw limitExceeded();
    if (countRegexes(pattern) > 0 && others.filter((f) => storedPatternUsesRegex(f.filterPattern)).length >= MAX_REGEX_PATTERNS_PER_GROUP) {
      throw limitExceeded(`A log group can have at most ${MAX_REGEX_PATTERNS_PER_GROUP} filter patterns that use regular expressions.`);
    }
    const record: MetricFilterRecord = {
      logGroupName: input.logGroupName,
      filterName: input.filterName,
      filterPattern: input.filterPattern,
      metricTransformations: input.metricTransformations.map((t) => ({
        metricName: t.metricName,
        metricNamespace: t.metricNamespace,
        metricValue: t.metricValue,
        ...(t.defaultValue === undefined ? {} : { defaultValue: t.defaultValue }),
        ...(t.dimensions === undefined ? {} : { dimensions: t.dimensions }),
        ...(t.unit === undefined ? {} : { unit: t.unit }),
      })),
      creationTime: previous?.creationTime ?? ctx.clock.now(),
      applyOnTransformedLogs: input.applyOnTransformedLogs ?? false,
      ...(input.fieldSelectionCriteria === undefined ? {} : { fieldSelectionCriteria: input.fieldSelectionCriteria }),
      ...(input.emitSystemFieldDimensions === undefined ? {} : { emitSystemFieldDimensions: input.emitSystemFieldDimensions }),
    };
    if ((await store.putMetricFilter(scope, record)) === 'no-group') throw logGroupNotFound();
    return {};
  };
}

function storedPatternUsesRegex(text: string): boolean {
  try {
    return countRegexes(parseFilterPattern(text)) > 0;
  } catch {
    return false;
  }
}
