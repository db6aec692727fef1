export type { Scope } from './scope.js';
export type { Storage } from './storage.js';
export type { BedrockConfigStore, StoredLoggingConfig, StoredS3Config } from './bedrock-config-store.js';
export type {
  AppendOutcome,
  EventCursor,
  ListLogGroupsQuery,
  ListLogStreamsQuery,
  ListMetricFiltersQuery,
  LogGroupClass,
  LogGroupPatch,
  LogGroupRecord,
  LogGroupRetention,
  LogStore,
  LogStreamCursor,
  LogStreamOrder,
  LogStreamRecord,
  MetricFilterRecord,
  MetricTransformationRecord,
  NewLogEvent,
  NewLogGroup,
  ReadStreamQuery,
  JsonCondition,
  ScanBatchVisitor,
  ScanEventsQuery,
  StoredLogEvent,
  SubstringPrefilter,
} from './log-store.js';
export type { NewLogEvents, Utf8LogEvents } from './new-log-events.js';
export { firstUnsafeTimestamp, isUtf8LogEvents, logEventObjects, sliceLogEvents, timestampAt, utf8Message } from './new-log-events.js';
export type {
  AggregateMetricsQuery,
  DimensionFilter,
  ListMetricsQuery,
  MaintenanceOutcome,
  MetricDimension,
  MetricIdentity,
  MetricPage,
  MetricPeriodAggregate,
  MetricSample,
  MetricSelector,
  MetricStore,
  NewMetricDatum,
} from './metric-store.js';
export { MetricSketch, SKETCH_RELATIVE_ACCURACY, sketchKey, sketchKeyValue } from './metric-sketch.js';
export { evaluateExtendedStatistic } from './metric-sketch-statistics.js';
export type { ExtendedStatistic, SketchedPeriod, StatisticBound } from './metric-sketch-statistics.js';
export type {
  LogQueryColumn,
  LogQueryEngine,
  LogQueryRequest,
  LogQueryResult,
  LogQueryStatistics,
  PointedLogRecord,
  QueriedLogGroup,
} from './log-query-engine.js';
export type { DeliverySpool, SpooledEntry } from './delivery-spool.js';
export { MissingBucketError, compareKeys } from './object-store.js';
export type {
  BucketRecord,
  ByteRange,
  DeleteBucketOutcome,
  ListObjectsQuery,
  NewBucket,
  NewObject,
  ObjectChecksums,
  ObjectHeaders,
  ObjectRecord,
  ObjectStore,
  StoredObject,
} from './object-store.js';
export type { TailBatch, TailBus, TailEvent, TailListener, TailPassedOver, TailPosition, TailPublisher, TailReplay, TailSubscription } from './tail-bus.js';
export { createInProcessTailBus, DEFAULT_REPLAY_LIMITS } from './in-process-tail-bus.js';
export type { ReplayLimits } from './replay-ring.js';
export type { QueryDefinitionPage, QueryDefinitionStore, StoredQueryDefinition, StoredQueryParameter } from './query-definition-store.js';
