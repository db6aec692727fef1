import type { MetricDimension, MetricIdentity, Scope } from '../../storage/index.js';

/** A metric with its dimensions sorted by name, and the string that identifies (and orders) it. */
export interface KeyedMetric {
  readonly identity: MetricIdentity;
  readonly key: string;
}

/** True when text holds one of the key's separators. */
function forbidden(text: string): boolean {
  return text.includes('\u0000') || text.includes('\u0001');
}

/**
 * The identity key: namespace, name and the name-sorted dimensions joined by U+0000 (U+0001 between a dimension's
 * name and value). Comparing keys as strings gives AWS's ASCII order of (namespace, name, dimensions), and a
 * separator below every printable character keeps "a" before "a/b".
 */
export function keyMetric(metric: MetricIdentity): KeyedMetric {
  const dimensions = metric.dimensions.length < 2 ? metric.dimensions : [...metric.dimensions].sort(compareDimensions);
  let key = `${metric.namespace}\u0000${metric.metricName}`;
  for (const dimension of dimensions) key += `\u0000${dimension.name}\u0001${dimension.value}`;
  let clean = !forbidden(metric.namespace) && !forbidden(metric.metricName);
  for (const dimension of dimensions) clean &&= !forbidden(dimension.name) && !forbidden(dimension.value);
  if (!clean) {
    throw new RangeError('metric names and dimensions must not contain U+0000 or U+0001');
  }
  const identity: MetricIdentity = { namespace: metric.namespace, metricName: metric.metricName, dimensions };
  return { identity, key };
}

function compareDimensions(a: MetricDimension, b: MetricDimension): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

export function scopeKey(scope: Scope): string {
  return `${scope.accountId}\u0000${scope.region}`;
}
