import type { Operation, ServiceDefinition } from '../../kernel/index.js';
import type { CloudWatchOperationName } from '../../models/cloudwatch/index.js';
import type { CloudWatchServiceDeps } from './cloudwatch-deps.js';
import { getMetricData } from './operations/get-metric-data.js';
import { getMetricStatistics } from './operations/get-metric-statistics.js';
import { listMetrics } from './operations/list-metrics.js';
import { putMetricData } from './operations/put-metric-data.js';

/**
 * CloudWatch metrics (signing name `monitoring`), served on awsJson1_0 (`GraniteServiceVersion20100801.*`, query
 * compatible) and awsQuery (Version 2010-08-01). Only the operations below are served; alarms, dashboards and
 * tagging are left out of the map, so the protocol layer answers them as unknown operations instead of faking success.
 */
export function createCloudWatchService(deps: CloudWatchServiceDeps): ServiceDefinition {
  const operations: Record<CloudWatchOperationName, Operation> = {
    GetMetricData: getMetricData(deps),
    GetMetricStatistics: getMetricStatistics(deps),
    ListMetrics: listMetrics(deps),
    PutMetricData: putMetricData(deps),
  };
  return { signingName: 'monitoring', operations: new Map(Object.entries(operations)) };
}
