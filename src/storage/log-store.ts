import type { Scope } from './scope.js';
import type { NewLogEvent, NewLogEvents } from './new-log-events.js';

export type { NewLogEvent };

/**
 * The port for CloudWatch Logs data: log groups, streams, their events, tags and metric filters.
 * It speaks in domain records, never in AWS error codes: "not found" and "already exists" come back as values,
 * and the logs service maps them to AWS errors. Every method that resolves has made its write durable.
 */

export type LogGroupClass = 'STANDARD' | 'INFREQUENT_ACCESS' | 'DELIVERY';

export interface LogGroupRecord {
  readonly logGroupName: string;
  readonly creationTime: number;
  readonly retentionInDays?: number;
  readonly kmsKeyId?: string;
  readonly logGroupClass: LogGroupClass;
  readonly deletionProtectionEnabled: boolean;
  readonly tags: Readonly<Record<string, string>>;
  /** Sum over the group's stored events of UTF-8 message bytes. */
  readonly storedBytes: number;
  readonly metricFilterCount: number;
}

/**
 * What every write and read of a group's events asks about it: whether it exists, when it was created (a recreated
 * group is another group) and how long it keeps events. It changes only with the group's own settings, so a store
 * can answer it without a query on every PutLogEvents and FilterLogEvents call.
 */
export type LogGroupRetention = Pick<LogGroupRecord, 'creationTime' | 'retentionInDays'>;

export interface NewLogGroup {
  readonly logGroupName: string;
  readonly creationTime: number;
  readonly kmsKeyId?: string;
  readonly logGroupClass: LogGroupClass;
  readonly deletionProtectionEnabled: boolean;
  readonly tags: Readonly<Record<string, string>>;
}

/** Fields that change in place; `null` clears a field, `undefined` leaves it alone. */
export interface LogGroupPatch {
  readonly retentionInDays?: number | null;
  readonly kmsKeyId?: string | null;
  readonly deletionProtectionEnabled?: boolean;
}

export interface ListLogGroupsQuery {
  /** Names starting with this (case-sensitive). */
  readonly namePrefix?: string;
  /** Names containing this (case-sensitive substring). */
  readonly namePattern?: string;
  readonly logGroupClass?: LogGroupClass;
  /** Only these exact names. */
  readonly names?: readonly string[];
  /** Resume strictly after this name (ASCII order). */
  readonly afterName?: string;
  readonly limit: number;
}

export interface LogStreamRecord {
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly creationTime: number;
  readonly firstEventTimestamp?: number;
  readonly lastEventTimestamp?: number;
  readonly lastIngestionTime?: number;
}

export type LogStreamOrder = 'LogStreamName' | 'LastEventTime';

/** Position in a stream listing: the sort key of the last stream returned. */
export interface LogStreamCursor {
  readonly logStreamName: string;
  /** Only for `LastEventTime` order: the stream's lastEventTimestamp (absent streams sort as 0). */
  readonly lastEventTimestamp?: number;
}

export interface ListLogStreamsQuery {
  readonly namePrefix?: string;
  readonly orderBy: LogStreamOrder;
  readonly descending: boolean;
  readonly after?: LogStreamCursor;
  readonly limit: number;
}

export interface StoredLogEvent {
  readonly logStreamName: string;
  readonly timestamp: number;
  readonly ingestionTime: number;
  readonly message: string;
  /** Store-wide, strictly increasing in commit order; breaks ties between equal timestamps. */
  readonly seq: number;
}

/** A position between events in (timestamp, seq) order. */
export interface EventCursor {
  readonly timestamp: number;
  readonly seq: number;
}

export type AppendOutcome =
  | { readonly kind: 'appended'; readonly firstSeq: number; readonly count: number }
  | { readonly kind: 'no-group' }
  | { readonly kind: 'no-stream' };

export interface ReadStreamQuery {
  /** Inclusive lower bound on timestamp. */
  readonly startTime?: number;
  /** Exclusive upper bound on timestamp. */
  readonly endTime?: number;
  /** `forward`: ascending from `after` (or the start); `backward`: descending from `before` (or the end). */
  readonly direction: 'forward' | 'backward';
  /** forward: events strictly after this position. backward: events strictly before it. */
  readonly from?: EventCursor;
  readonly limit: number;
}

/**
 * A cheap necessary condition a message must meet to possibly match a filter pattern, in conjunctive normal form:
 * every clause must hold, and a clause holds when the message contains at least one of its substrings
 * (case-sensitive). An empty `allOf` admits everything. The exact match is then done in TypeScript.
 */
export interface SubstringPrefilter {
  readonly allOf: readonly (readonly string[])[];
}

/**
 * A necessary condition on JSON events, evaluated by the store next to the substring prefilter. Values are read as
 * the filter-pattern matcher reads them: the message parsed with JSON.parse (the last of duplicate keys wins, escapes
 * decoded), `path` followed from the root object (strings are property names, numbers array indexes).
 * - `number`: the value is a number, or a string reading as one (`[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?`),
 *   that compares with `value` by `operator`.
 * - `text`: the value is a string that equals, starts with, ends with or contains `value` (case-sensitive).
 * - `all` / `any`: every / at least one operand holds.
 * Messages that are not JSON objects never satisfy it. A store may admit more events than the condition describes
 * (when its own JSON reading could differ, it must), but never fewer; on plain JSON it should be exact.
 */
export type JsonCondition =
  | { readonly kind: 'all'; readonly operands: readonly JsonCondition[] }
  | { readonly kind: 'any'; readonly operands: readonly JsonCondition[] }
  | { readonly kind: 'number'; readonly path: readonly (string | number)[]; readonly operator: '=' | '<' | '<=' | '>' | '>='; readonly value: number }
  | { readonly kind: 'text'; readonly path: readonly (string | number)[]; readonly match: 'equals' | 'starts-with' | 'ends-with' | 'contains'; readonly value: string };

/** Receives a scan's events batch by batch, in scan order; returning false stops the scan. */
export type ScanBatchVisitor = (batch: readonly StoredLogEvent[]) => boolean;

export interface ScanEventsQuery {
  /** Only these streams; absent means all streams of the group. */
  readonly streamNames?: readonly string[];
  readonly streamPrefix?: string;
  /** Inclusive. */
  readonly startTime?: number;
  /** Inclusive, as FilterLogEvents treats endTime. */
  readonly endTime?: number;
  readonly prefilter?: SubstringPrefilter;
  /** Also required of candidates, like `prefilter`. */
  readonly json?: JsonCondition;
  readonly descending: boolean;
  /** Continue strictly after (ascending) or before (descending) this position. */
  readonly from?: EventCursor;
  readonly limit: number;
}

export interface MetricTransformationRecord {
  readonly metricName: string;
  readonly metricNamespace: string;
  readonly metricValue: string;
  readonly defaultValue?: number;
  readonly dimensions?: Readonly<Record<string, string>>;
  readonly unit?: string;
}

export interface MetricFilterRecord {
  readonly logGroupName: string;
  readonly filterName: string;
  readonly filterPattern: string;
  readonly metricTransformations: readonly MetricTransformationRecord[];
  readonly creationTime: number;
  readonly applyOnTransformedLogs: boolean;
  readonly fieldSelectionCriteria?: string;
  readonly emitSystemFieldDimensions?: readonly string[];
}

export interface ListMetricFiltersQuery {
  readonly logGroupName?: string;
  readonly filterNamePrefix?: string;
  readonly metricName?: string;
  readonly metricNamespace?: string;
  /** Resume strictly after this (logGroupName, filterName) key. */
  readonly after?: { readonly logGroupName: string; readonly filterName: string };
  readonly limit: number;
}

export interface LogStore {
  createLogGroup(scope: Scope, group: NewLogGroup): Promise<'created' | 'exists'>;
  /** Deletes the group with its streams, events and metric filters. */
  deleteLogGroup(scope: Scope, logGroupName: string): Promise<'deleted' | 'no-group'>;
  getLogGroup(scope: Scope, logGroupName: string): Promise<LogGroupRecord | undefined>;
  /** The group's creation time and retention, as `getLogGroup` would report them at this moment. */
  getLogGroupRetention(scope: Scope, logGroupName: string): Promise<LogGroupRetention | undefined>;
  /** Sorted by name in ASCII (byte) order. */
  listLogGroups(scope: Scope, query: ListLogGroupsQuery): Promise<LogGroupRecord[]>;
  updateLogGroup(scope: Scope, logGroupName: string, patch: LogGroupPatch): Promise<'updated' | 'no-group'>;
  tagLogGroup(scope: Scope, logGroupName: string, tags: Readonly<Record<string, string>>): Promise<'updated' | 'no-group'>;
  untagLogGroup(scope: Scope, logGroupName: string, tagKeys: readonly string[]): Promise<'updated' | 'no-group'>;

  createLogStream(scope: Scope, logGroupName: string, logStreamName: string, creationTime: number): Promise<'created' | 'exists' | 'no-group'>;
  deleteLogStream(scope: Scope, logGroupName: string, logStreamName: string): Promise<'deleted' | 'no-group' | 'no-stream'>;
  getLogStream(scope: Scope, logGroupName: string, logStreamName: string): Promise<LogStreamRecord | undefined>;
  listLogStreams(scope: Scope, logGroupName: string, query: ListLogStreamsQuery): Promise<LogStreamRecord[] | 'no-group'>;

  /**
   * Appends events (already validated, in chronological order) to a stream. Resolves only once the events are
   * durable; concurrent appends to one stream are allowed and each gets its own seq range.
   */
  append(scope: Scope, logGroupName: string, logStreamName: string, events: NewLogEvents, ingestionTime: number): Promise<AppendOutcome>;
  /** One stream's events in (timestamp, seq) order, per `query.direction`. */
  readStream(scope: Scope, logGroupName: string, logStreamName: string, query: ReadStreamQuery): Promise<StoredLogEvent[]>;
  /** A group's events across streams in (timestamp, seq) order; candidates only when a prefilter is given. */
  scanEvents(scope: Scope, logGroupName: string, query: ScanEventsQuery): Promise<StoredLogEvent[]>;
  /**
   * The events `scanEvents` would return, streamed to `visit` in batches from a single read of the store, so a
   * caller can examine up to `query.limit` candidates and stop as soon as it has what it needs. Resolves once the
   * scan ended or `visit` returned false; batches are never empty.
   */
  scanEventBatches(scope: Scope, logGroupName: string, query: ScanEventsQuery, visit: ScanBatchVisitor): Promise<void>;
  /** Deletes events older than their group's retention; returns how many were removed. */
  purgeExpired(now: number): Promise<number>;

  putMetricFilter(scope: Scope, filter: MetricFilterRecord): Promise<'created' | 'replaced' | 'no-group'>;
  deleteMetricFilter(scope: Scope, logGroupName: string, filterName: string): Promise<'deleted' | 'no-group' | 'no-filter'>;
  /** Sorted by (logGroupName, filterName). */
  listMetricFilters(scope: Scope, query: ListMetricFiltersQuery): Promise<MetricFilterRecord[]>;
}
