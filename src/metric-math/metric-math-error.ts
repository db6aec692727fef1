/**
 * Why an expression, SEARCH or Metrics Insights query was refused. `position` is the 0-based offset into the text the
 * caller parsed (the whole `Expression` of a MetricDataQuery), so an editor can underline it.
 *
 * `kind` says how GetMetricData reports it (the service maps it once, at its edge):
 * - `syntax` / `validation`: the whole call fails with `ValidationError` (HTTP 400), the way AWS rejects any bad
 *   MetricDataQuery, e.g. "ValidationError: The value for parameter MetricDataQueries.member.N..." [observed wording for
 *   other members]. The message texts here are AWS-style but not copied from AWS (AWS does not document them).
 * - `unsupported`: a real AWS function this emulator does not serve (ANOMALY_DETECTION_BAND, INSIGHT_RULE_METRIC, ...);
 *   reported the same way so a client fails loudly instead of silently getting no data.
 */
export type MetricMathErrorKind = 'syntax' | 'validation' | 'unsupported';

export class MetricMathError extends Error {
  readonly position: number;
  readonly kind: MetricMathErrorKind;

  constructor(message: string, position: number, kind: MetricMathErrorKind = 'validation') {
    super(message);
    this.name = 'MetricMathError';
    this.position = position;
    this.kind = kind;
  }
}

export function isMetricMathError(value: unknown): value is MetricMathError {
  return value instanceof MetricMathError;
}
