import type { Operation, ServiceDefinition } from '../../kernel/index.js';
import type { CloudWatchOperationName } from '../../models/cloudwatch/index.js';
import type { CloudWatchServiceDeps, CloudWatchServiceOptions } from './cloudwatch-deps.js';
import { createMemoryTaggedResources } from './tagged-resources.js';
import { getMetricData } from './operations/get-metric-data.js';
import { getMetricStatistics } from './operations/get-metric-statistics.js';
import { listMetrics } from './operations/list-metrics.js';
import { listTagsForResource } from './operations/list-tags-for-resource.js';
import { putMetricData } from './operations/put-metric-data.js';
import { tagResource } from './operations/tag-resource.js';
import { untagResource } from './operations/untag-resource.js';

/**
 * CloudWatch metrics (signing name `monitoring`), served on awsJson1_0 (`GraniteServiceVersion20100801.*`, query
 * compatible), awsQuery (Version 2010-08-01) and RPC v2 CBOR. Only the operations below are served; alarms and
 * dashboards are left out of the map, so the protocol layer answers them as unknown operations instead of faking
 * success. Without a tag store, tags are kept in memory (nothing taggable exists yet).
 */
export function createCloudWatchService(options: CloudWatchServiceOptions): ServiceDefinition {
  const deps: CloudWatchServiceDeps = { ...options, tags: options.tags ?? createMemoryTaggedResources() };
  const operations: Record<CloudWatchOperationName, Operation> = {
    GetMetricData: getMetricData(deps),
    GetMetricStatistics: getMetricStatistics(deps),
    ListMetrics: listMetrics(deps),
    ListTagsForResource: listTagsForResource(deps),
    PutMetricData: putMetricData(deps),
    TagResource: tagResource(deps),
    UntagResource: untagResource(deps),
  };
  return { signingName: 'monitoring', operations: new Map(Object.entries(operations)) };
}
