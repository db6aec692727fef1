import type { Operation, ServiceDefinition } from '../../kernel/index.js';
import type { LogsOperationName } from '../../models/logs/index.js';
import { QueryRegistry } from './insights/query-registry.js';
import type { LogsServiceDeps } from './logs-deps.js';
import { createInProcessTailBus } from '../../storage/index.js';
import { LiveTail } from './tail/live-tail.js';
import { associateKmsKey } from './operations/associate-kms-key.js';
import { createLogGroup } from './operations/create-log-group.js';
import { createLogStream } from './operations/create-log-stream.js';
import { deleteLogGroup } from './operations/delete-log-group.js';
import { deleteLogStream } from './operations/delete-log-stream.js';
import { deleteMetricFilter } from './operations/delete-metric-filter.js';
import { deleteRetentionPolicy } from './operations/delete-retention-policy.js';
import { describeLogGroups } from './operations/describe-log-groups.js';
import { describeLogStreams } from './operations/describe-log-streams.js';
import { describeMetricFilters } from './operations/describe-metric-filters.js';
import { disassociateKmsKey } from './operations/disassociate-kms-key.js';
import { deleteQueryDefinition } from './operations/delete-query-definition.js';
import { describeQueries } from './operations/describe-queries.js';
import { describeQueryDefinitions } from './operations/describe-query-definitions.js';
import { getLogRecord } from './operations/get-log-record.js';
import { getQueryResults } from './operations/get-query-results.js';
import { startLiveTail } from './operations/start-live-tail.js';
import { startQuery } from './operations/start-query.js';
import { stopQuery } from './operations/stop-query.js';
import { getLogGroupFields } from './operations/get-log-group-fields.js';
import { filterLogEvents } from './operations/filter-log-events.js';
import { getLogEvents } from './operations/get-log-events.js';
import { listTagsForResource } from './operations/list-tags-for-resource.js';
import { listTagsLogGroup } from './operations/list-tags-log-group.js';
import { putLogEvents } from './operations/put-log-events.js';
import { putMetricFilter } from './operations/put-metric-filter.js';
import { putQueryDefinition } from './operations/put-query-definition.js';
import { putRetentionPolicy } from './operations/put-retention-policy.js';
import { tagLogGroup } from './operations/tag-log-group.js';
import { tagResource } from './operations/tag-resource.js';
import { testMetricFilter } from './operations/test-metric-filter.js';
import { untagLogGroup } from './operations/untag-log-group.js';
import { untagResource } from './operations/untag-resource.js';

/** Served only when the deps include a QueryDefinitionStore. */
type SavedQueryOperation = 'PutQueryDefinition' | 'DescribeQueryDefinitions' | 'DeleteQueryDefinition';

/**
 * CloudWatch Logs (awsJson1_1, `Logs_20140328.*`). Only the operations below are served; any other Logs operation
 * is left out of the map, so the protocol layer answers it with UnknownOperationException instead of a fake.
 */
export function createLogsService(options: LogsServiceDeps): ServiceDefinition {
  const liveTail = options.liveTail ?? new LiveTail({ bus: createInProcessTailBus(), store: options.store });
  const deps = { ...options, liveTail };
  const insights = { store: deps.store, engine: deps.queryEngine, registry: new QueryRegistry() };
  const operations: Record<Exclude<LogsOperationName, SavedQueryOperation>, Operation> = {
    AssociateKmsKey: associateKmsKey(deps),
    CreateLogGroup: createLogGroup(deps),
    CreateLogStream: createLogStream(deps),
    DeleteLogGroup: deleteLogGroup(deps),
    DeleteLogStream: deleteLogStream(deps),
    DeleteMetricFilter: deleteMetricFilter(deps),
    DeleteRetentionPolicy: deleteRetentionPolicy(deps),
    DescribeLogGroups: describeLogGroups(deps),
    DescribeLogStreams: describeLogStreams(deps),
    DescribeMetricFilters: describeMetricFilters(deps),
    DescribeQueries: describeQueries(insights),
    DisassociateKmsKey: disassociateKmsKey(deps),
    FilterLogEvents: filterLogEvents(deps),
    GetLogEvents: getLogEvents(deps),
    GetLogGroupFields: getLogGroupFields(deps),
    GetLogRecord: getLogRecord(insights),
    GetQueryResults: getQueryResults(insights),
    ListTagsForResource: listTagsForResource(deps),
    ListTagsLogGroup: listTagsLogGroup(deps),
    PutLogEvents: putLogEvents(deps),
    PutMetricFilter: putMetricFilter(deps),
    PutRetentionPolicy: putRetentionPolicy(deps),
    StartLiveTail: startLiveTail(deps),
    StartQuery: startQuery(insights),
    StopQuery: stopQuery(insights),
    TagLogGroup: tagLogGroup(deps),
    TagResource: tagResource(deps),
    TestMetricFilter: testMetricFilter(),
    UntagLogGroup: untagLogGroup(deps),
    UntagResource: untagResource(deps),
  };
  const saved: Partial<Record<SavedQueryOperation, Operation>> = {};
  if (deps.queryDefinitions !== undefined) {
    const definitions = { definitions: deps.queryDefinitions };
    saved.PutQueryDefinition = putQueryDefinition(definitions);
    saved.DescribeQueryDefinitions = describeQueryDefinitions(definitions);
    saved.DeleteQueryDefinition = deleteQueryDefinition(definitions);
  }
  return { signingName: 'logs', operations: new Map(Object.entries({ ...operations, ...saved })) };
}
