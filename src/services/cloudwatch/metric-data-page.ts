import type { GetMetricDataOutput, MetricDataResult } from '../../models/cloudwatch/index.js';
import type { MathMessage, TimeSeries } from '../../metric-math/index.js';
import { decodePageToken, encodePageToken, fnv1a64 } from '../common/index.js';
import { invalidNextToken } from './errors.js';

export interface QueryOutput {
  readonly id: string;
  readonly label: string;
  readonly series: TimeSeries;
  readonly messages: readonly MathMessage[];
}

export interface PageOptions {
  readonly ascending: boolean;
  readonly maxDatapoints: number;
  /** The request, minus its token and page size: a token only continues the request it came from. */
  readonly request: string;
  readonly nextToken?: string;
  /** Keeps every output for the next page, answering the id its token carries (undefined: not kept). */
  readonly keep?: (outputs: readonly QueryOutput[]) => string | undefined;
}

/** The id of the outputs an earlier page kept for this token, if it says so; InvalidNextToken for a foreign token. */
export function keptOutputsId(request: string, nextToken: string | undefined): string | undefined {
  if (nextToken === undefined) return undefined;
  const kept = tokenState(request, nextToken)['kept'];
  return typeof kept === 'string' ? kept : undefined;
}

function tokenState(request: string, nextToken: string): { readonly offset: number; readonly [key: string]: unknown } {
  const state = decodePageToken('GetMetricData', nextToken);
  const offset = state?.['offset'];
  if (state === undefined || state['request'] !== fnv1a64(request).toString(36) || typeof offset !== 'number') throw invalidNextToken();
  return { ...state, offset };
}

/**
 * One page of GetMetricData results: datapoints are counted across all results, in result order, and a result whose
 * points continue on the next page is `PartialData`. Every result is listed on every page.
 */
export function pageResults(outputs: readonly QueryOutput[], options: PageOptions): GetMetricDataOutput {
  const fingerprint = fnv1a64(options.request).toString(36);
  const offset = options.nextToken === undefined ? 0 : tokenState(options.request, options.nextToken).offset;
  const limit = offset + options.maxDatapoints;
  let seen = 0;
  const results: MetricDataResult[] = outputs.map((output) => {
    const order = output.series.timestamps.map((_, i) => i);
    if (!options.ascending) order.reverse();
    const from = Math.min(order.length, Math.max(0, offset - seen));
    const to = Math.min(order.length, Math.max(0, limit - seen));
    seen += order.length;
    const picked = order.slice(from, to);
    return {
      Id: output.id,
      Label: output.label,
      Timestamps: picked.map((i) => (output.series.timestamps[i] ?? 0) / 1000),
      Values: picked.map((i) => output.series.values[i] ?? 0),
      StatusCode: to < order.length ? 'PartialData' : 'Complete',
      ...(output.messages.length === 0 ? {} : { Messages: output.messages.map((m) => ({ Code: m.code, Value: m.value })) }),
    };
  });
  const more = seen > limit;
  const kept = more ? options.keep?.(outputs) : undefined;
  return {
    MetricDataResults: results,
    Messages: [],
    ...(more ? { NextToken: encodePageToken('GetMetricData', { request: fingerprint, offset: limit, ...(kept === undefined ? {} : { kept }) }) } : {}),
  };
}
