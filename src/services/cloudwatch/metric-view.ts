import type { Metric } from '../../models/cloudwatch/index.js';
import type { MetricIdentity } from '../../storage/index.js';

/** A stored metric as AWS returns it (ListMetrics, SEARCH labels). */
export function metricView(metric: MetricIdentity): Metric {
  return {
    Namespace: metric.namespace,
    MetricName: metric.metricName,
    Dimensions: metric.dimensions.map((d) => ({ Name: d.name, Value: d.value })),
  };
}
