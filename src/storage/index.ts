export type { Scope } from './scope.js';
export type { Storage } from './storage.js';
export type {
  AppendOutcome,
  EventCursor,
  ListLogGroupsQuery,
  ListLogStreamsQuery,
  ListMetricFiltersQuery,
  LogGroupClass,
  LogGroupPatch,
  LogGroupRecord,
  LogStore,
  LogStreamCursor,
  LogStreamOrder,
  LogStreamRecord,
  MetricFilterRecord,
  MetricTransformationRecord,
  NewLogEvent,
  NewLogGroup,
  ReadStreamQuery,
  ScanEventsQuery,
  StoredLogEvent,
  SubstringPrefilter,
} from './log-store.js';
