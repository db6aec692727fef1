import type { Operation } from '../../../kernel/index.js';
import type { MetricDatum, PutMetricDataInput } from '../../../models/cloudwatch/index.js';
import { parseCloudWatchInput } from '../cloudwatch-input.js';
import { scopeOf, type CloudWatchServiceDeps } from '../cloudwatch-deps.js';
import { invalidParameterValue, invalidValue, parameterRequired } from '../errors.js';
import { toNewMetricDatum } from '../metric-datum.js';
import { rejectNonFiniteValues } from '../non-finite-values.js';

/** Datums per call, across MetricData and EntityMetricData (spec 9.3). */
const MAX_DATUMS = 1000;

/**
 * PutMetricData: every datum is checked with AWS's rules before anything is stored, then all of them are stored in
 * one durable write, so a rejected call stores nothing. Entity data is accepted and its metrics stored; the entity
 * itself is not kept (nothing here reads it back).
 */
export function putMetricData(deps: CloudWatchServiceDeps): Operation {
  return async (raw, ctx) => {
    rejectNonFiniteValues(raw);
    const input = parseCloudWatchInput<PutMetricDataInput>('PutMetricData', raw);
    if (input.Namespace.startsWith('AWS/')) throw invalidValue(input.Namespace, 'Namespace');
    const datums: Array<[MetricDatum, string]> = [];
    (input.MetricData ?? []).forEach((datum, i) => datums.push([datum, `MetricData.member.${i + 1}`]));
    (input.EntityMetricData ?? []).forEach((entity, e) => {
      (entity.MetricData ?? []).forEach((datum, i) => datums.push([datum, `EntityMetricData.member.${e + 1}.MetricData.member.${i + 1}`]));
    });
    if (datums.length === 0) throw parameterRequired('MetricData');
    if (datums.length > MAX_DATUMS) {
      throw invalidParameterValue(`The collection MetricData must not have a size greater than ${MAX_DATUMS}.`);
    }
    const now = ctx.clock.now();
    const data = datums.map(([datum, path]) => toNewMetricDatum(input.Namespace, datum, path, now));
    await deps.store.putMetricData(scopeOf(ctx), data);
    return {};
  };
}
