import type {
  AppendOutcome,
  ListLogGroupsQuery,
  ListLogStreamsQuery,
  ListMetricFiltersQuery,
  LogGroupPatch,
  LogGroupRecord,
  LogGroupRetention,
  LogStore,
  LogStreamRecord,
  MetricFilterRecord,
  NewLogEvents,
  NewLogGroup,
  ReadStreamQuery,
  ScanBatchVisitor,
  ScanEventsQuery,
  Scope,
  StoredLogEvent,
} from '../storage/index.js';
import { readStream, scanEventBatches, scanEvents } from './event-reader.js';
import type { EventWriter } from './event-writer.js';
import * as groups from './group-queries.js';
import * as filters from './metric-filter-queries.js';
import { purgeExpired } from './retention.js';
import type { StoreContext } from './store-context.js';
import * as streams from './stream-queries.js';

/** The LogStore port over DuckDB: a thin dispatcher to the query modules and the group-commit writer. */
export class DuckDbLogStore implements LogStore {
  private readonly ctx: StoreContext;
  private readonly writer: EventWriter;

  constructor(ctx: StoreContext, writer: EventWriter) {
    this.ctx = ctx;
    this.writer = writer;
  }

  createLogGroup(scope: Scope, group: NewLogGroup): Promise<'created' | 'exists'> {
    return groups.createLogGroup(this.ctx, scope, group);
  }

  deleteLogGroup(scope: Scope, logGroupName: string): Promise<'deleted' | 'no-group'> {
    return groups.deleteLogGroup(this.ctx, scope, logGroupName);
  }

  getLogGroup(scope: Scope, logGroupName: string): Promise<LogGroupRecord | undefined> {
    return groups.getLogGroup(this.ctx, scope, logGroupName);
  }

  getLogGroupRetention(scope: Scope, logGroupName: string): Promise<LogGroupRetention | undefined> {
    return groups.getLogGroupRetention(this.ctx, scope, logGroupName);
  }

  listLogGroups(scope: Scope, query: ListLogGroupsQuery): Promise<LogGroupRecord[]> {
    return groups.listLogGroups(this.ctx, scope, query);
  }

  updateLogGroup(scope: Scope, logGroupName: string, patch: LogGroupPatch): Promise<'updated' | 'no-group'> {
    return groups.updateLogGroup(this.ctx, scope, logGroupName, patch);
  }

  tagLogGroup(scope: Scope, logGroupName: string, tags: Readonly<Record<string, string>>): Promise<'updated' | 'no-group'> {
    return groups.changeTags(this.ctx, scope, logGroupName, (current) => Object.assign(current, tags));
  }

  untagLogGroup(scope: Scope, logGroupName: string, tagKeys: readonly string[]): Promise<'updated' | 'no-group'> {
    return groups.changeTags(this.ctx, scope, logGroupName, (current) => {
      for (const key of tagKeys) delete current[key];
    });
  }

  createLogStream(scope: Scope, logGroupName: string, logStreamName: string, creationTime: number): Promise<'created' | 'exists' | 'no-group'> {
    return streams.createLogStream(this.ctx, scope, logGroupName, logStreamName, creationTime);
  }

  deleteLogStream(scope: Scope, logGroupName: string, logStreamName: string): Promise<'deleted' | 'no-group' | 'no-stream'> {
    return streams.deleteLogStream(this.ctx, scope, logGroupName, logStreamName);
  }

  getLogStream(scope: Scope, logGroupName: string, logStreamName: string): Promise<LogStreamRecord | undefined> {
    return streams.getLogStream(this.ctx, scope, logGroupName, logStreamName);
  }

  listLogStreams(scope: Scope, logGroupName: string, query: ListLogStreamsQuery): Promise<LogStreamRecord[] | 'no-group'> {
    return streams.listLogStreams(this.ctx, scope, logGroupName, query);
  }

  append(scope: Scope, logGroupName: string, logStreamName: string, events: NewLogEvents, ingestionTime: number): Promise<AppendOutcome> {
    return this.writer.append(scope, logGroupName, logStreamName, events, ingestionTime);
  }

  readStream(scope: Scope, logGroupName: string, logStreamName: string, query: ReadStreamQuery): Promise<StoredLogEvent[]> {
    return readStream(this.ctx, { scope, logGroupName, logStreamName }, query);
  }

  scanEvents(scope: Scope, logGroupName: string, query: ScanEventsQuery): Promise<StoredLogEvent[]> {
    return scanEvents(this.ctx, scope, logGroupName, query);
  }

  scanEventBatches(scope: Scope, logGroupName: string, query: ScanEventsQuery, visit: ScanBatchVisitor): Promise<void> {
    return scanEventBatches(this.ctx, { scope, logGroupName }, query, visit);
  }

  purgeExpired(now: number): Promise<number> {
    return purgeExpired(this.ctx, now);
  }

  putMetricFilter(scope: Scope, filter: MetricFilterRecord): Promise<'created' | 'replaced' | 'no-group'> {
    return filters.putMetricFilter(this.ctx, scope, filter);
  }

  deleteMetricFilter(scope: Scope, logGroupName: string, filterName: string): Promise<'deleted' | 'no-group' | 'no-filter'> {
    return filters.deleteMetricFilter(this.ctx, scope, logGroupName, filterName);
  }

  listMetricFilters(scope: Scope, query: ListMetricFiltersQuery): Promise<MetricFilterRecord[]> {
    return filters.listMetricFilters(this.ctx, scope, query);
  }
}
