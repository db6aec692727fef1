import type {
  AppendOutcome, EventCursor, ListLogGroupsQuery, ListLogStreamsQuery, ListMetricFiltersQuery, LogGroupPatch, LogGroupRecord, LogGroupRetention,
  LogStore, LogStreamRecord, MetricFilterRecord, NewLogEvents, NewLogGroup, ReadStreamQuery, ScanBatchVisitor, ScanEventsQuery, Scope, StoredLogEvent,
} from '../../storage/index.js';
import { logEventObjects, type JsonCondition } from '../../storage/index.js';

interface GroupState {
  record: Omit<LogGroupRecord, 'storedBytes' | 'metricFilterCount'>;
  streams: Map<string, LogStreamRecord>;
  events: StoredLogEvent[];
  filters: Map<string, MetricFilterRecord>;
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byPosition = (a: EventCursor, b: EventCursor): number => a.timestamp - b.timestamp || a.seq - b.seq;

/** A LogStore kept in memory, following the port's contract closely enough to unit-test the Logs service. */
export class MemoryLogStore implements LogStore {
  private readonly groups = new Map<string, GroupState>();
  private nextSeq = 1;
  /** Every scanEvents query, so tests can check what the service pushed down. */
  readonly scans: ScanEventsQuery[] = [];
  /** Events per batch handed to scanEventBatches visitors. */
  batchSize = 3;

  private key(scope: Scope, name: string): string {
    return `${scope.accountId}\u0000${scope.region}\u0000${name}`;
  }

  private state(scope: Scope, name: string): GroupState | undefined {
    return this.groups.get(this.key(scope, name));
  }

  private view(state: GroupState): LogGroupRecord {
    const storedBytes = state.events.reduce((sum, e) => sum + Buffer.byteLength(e.message, 'utf8'), 0);
    return { ...state.record, storedBytes, metricFilterCount: state.filters.size };
  }

  async createLogGroup(scope: Scope, group: NewLogGroup): Promise<'created' | 'exists'> {
    if (this.state(scope, group.logGroupName) !== undefined) return 'exists';
    this.groups.set(this.key(scope, group.logGroupName), { record: { ...group }, streams: new Map(), events: [], filters: new Map() });
    return 'created';
  }

  async deleteLogGroup(scope: Scope, name: string): Promise<'deleted' | 'no-group'> {
    return this.groups.delete(this.key(scope, name)) ? 'deleted' : 'no-group';
  }

  async getLogGroup(scope: Scope, name: string): Promise<LogGroupRecord | undefined> {
    const state = this.state(scope, name);
    return state === undefined ? undefined : this.view(state);
  }

  async getLogGroupRetention(scope: Scope, name: string): Promise<LogGroupRetention | undefined> {
    const group = await this.getLogGroup(scope, name);
    if (group === undefined) return undefined;
    return { creationTime: group.creationTime, ...(group.retentionInDays === undefined ? {} : { retentionInDays: group.retentionInDays }) };
  }

  async listLogGroups(scope: Scope, q: ListLogGroupsQuery): Promise<LogGroupRecord[]> {
    const prefix = this.key(scope, '');
    return [...this.groups.entries()]
      .filter(([k]) => k.startsWith(prefix))
      .map(([, s]) => this.view(s))
      .filter((g) => q.namePrefix === undefined || g.logGroupName.startsWith(q.namePrefix))
      .filter((g) => q.namePattern === undefined || g.logGroupName.includes(q.namePattern))
      .filter((g) => q.logGroupClass === undefined || g.logGroupClass === q.logGroupClass)
      .filter((g) => q.names === undefined || q.names.includes(g.logGroupName))
      .filter((g) => q.afterName === undefined || g.logGroupName > q.afterName)
      .sort((a, b) => byName(a.logGroupName, b.logGroupName))
      .slice(0, q.limit);
  }

  async updateLogGroup(scope: Scope, name: string, patch: LogGroupPatch): Promise<'updated' | 'no-group'> {
    const state = this.state(scope, name);
    if (state === undefined) return 'no-group';
    const record: Record<string, unknown> = { ...state.record };
    for (const [field, value] of Object.entries(patch)) {
      if (value === null) delete record[field];
      else if (value !== undefined) record[field] = value;
    }
    state.record = record as GroupState['record'];
    return 'updated';
  }

  async tagLogGroup(scope: Scope, name: string, tags: Readonly<Record<string, string>>): Promise<'updated' | 'no-group'> {
    const state = this.state(scope, name);
    if (state === undefined) return 'no-group';
    state.record = { ...state.record, tags: { ...state.record.tags, ...tags } };
    return 'updated';
  }

  async untagLogGroup(scope: Scope, name: string, keys: readonly string[]): Promise<'updated' | 'no-group'> {
    const state = this.state(scope, name);
    if (state === undefined) return 'no-group';
    state.record = { ...state.record, tags: Object.fromEntries(Object.entries(state.record.tags).filter(([k]) => !keys.includes(k))) };
    return 'updated';
  }

  async createLogStream(scope: Scope, group: string, stream: string, creationTime: number): Promise<'created' | 'exists' | 'no-group'> {
    const state = this.state(scope, group);
    if (state === undefined) return 'no-group';
    if (state.streams.has(stream)) return 'exists';
    state.streams.set(stream, { logGroupName: group, logStreamName: stream, creationTime });
    return 'created';
  }

  async deleteLogStream(scope: Scope, group: string, stream: string): Promise<'deleted' | 'no-group' | 'no-stream'> {
    const state = this.state(scope, group);
    if (state === undefined) return 'no-group';
    if (!state.streams.delete(stream)) return 'no-stream';
    state.events = state.events.filter((e) => e.logStreamName !== stream);
    return 'deleted';
  }

  async getLogStream(scope: Scope, group: string, stream: string): Promise<LogStreamRecord | undefined> {
    return this.state(scope, group)?.streams.get(stream);
  }

  async listLogStreams(scope: Scope, group: string, q: ListLogStreamsQuery): Promise<LogStreamRecord[] | 'no-group'> {
    const state = this.state(scope, group);
    if (state === undefined) return 'no-group';
    const sortKey = (s: { logStreamName: string; lastEventTimestamp?: number }): [number, string] =>
      [q.orderBy === 'LastEventTime' ? (s.lastEventTimestamp ?? 0) : 0, s.logStreamName];
    const compare = (a: [number, string], b: [number, string]): number => (a[0] - b[0] || byName(a[1], b[1])) * (q.descending ? -1 : 1);
    return [...state.streams.values()]
      .filter((s) => q.namePrefix === undefined || s.logStreamName.startsWith(q.namePrefix))
      .filter((s) => q.after === undefined || compare(sortKey(s), sortKey(q.after)) > 0)
      .sort((a, b) => compare(sortKey(a), sortKey(b)))
      .slice(0, q.limit);
  }

  async append(scope: Scope, group: string, stream: string, appended: NewLogEvents, ingestionTime: number): Promise<AppendOutcome> {
    const events = logEventObjects(appended);
    const state = this.state(scope, group);
    if (state === undefined) return { kind: 'no-group' };
    const record = state.streams.get(stream);
    if (record === undefined) return { kind: 'no-stream' };
    const firstSeq = this.nextSeq;
    for (const e of events) state.events.push({ logStreamName: stream, timestamp: e.timestamp, message: e.message, ingestionTime, seq: this.nextSeq++ });
    const timestamps = events.map((e) => e.timestamp);
    state.streams.set(stream, {
      ...record,
      firstEventTimestamp: Math.min(record.firstEventTimestamp ?? Infinity, ...timestamps),
      lastEventTimestamp: Math.max(record.lastEventTimestamp ?? -Infinity, ...timestamps),
      lastIngestionTime: ingestionTime,
    });
    return { kind: 'appended', firstSeq, count: events.length };
  }

  async readStream(scope: Scope, group: string, stream: string, q: ReadStreamQuery): Promise<StoredLogEvent[]> {
    const events = (this.state(scope, group)?.events ?? [])
      .filter((e) => e.logStreamName === stream && inRange(e, q.startTime, q.endTime, false))
      .filter((e) => q.from === undefined || (q.direction === 'forward' ? byPosition(e, q.from) > 0 : byPosition(e, q.from) < 0))
      .sort(byPosition);
    return (q.direction === 'forward' ? events : events.reverse()).slice(0, q.limit);
  }

  async scanEvents(scope: Scope, group: string, q: ScanEventsQuery): Promise<StoredLogEvent[]> {
    this.scans.push(q);
    const events = (this.state(scope, group)?.events ?? [])
      .filter((e) => q.streamNames === undefined || q.streamNames.includes(e.logStreamName))
      .filter((e) => q.streamPrefix === undefined || e.logStreamName.startsWith(q.streamPrefix))
      .filter((e) => inRange(e, q.startTime, q.endTime, true))
      .filter((e) => (q.prefilter?.allOf ?? []).every((clause) => clause.some((s) => e.message.includes(s))))
      .filter((e) => q.json === undefined || holds(q.json, parseObject(e.message)))
      .filter((e) => q.from === undefined || (q.descending ? byPosition(e, q.from) < 0 : byPosition(e, q.from) > 0))
      .sort(byPosition);
    return (q.descending ? events.reverse() : events).slice(0, q.limit);
  }

  /** Small batches, so callers meet batch boundaries even in tiny tests. */
  async scanEventBatches(scope: Scope, group: string, q: ScanEventsQuery, visit: ScanBatchVisitor): Promise<void> {
    const events = await this.scanEvents(scope, group, q);
    for (let i = 0; i < events.length; i += this.batchSize) {
      if (!visit(events.slice(i, i + this.batchSize))) return;
    }
  }

  async purgeExpired(now: number): Promise<number> {
    let removed = 0;
    for (const state of this.groups.values()) {
      const days = state.record.retentionInDays;
      if (days === undefined) continue;
      const before = state.events.length;
      state.events = state.events.filter((e) => e.timestamp >= now - days * 86_400_000);
      removed += before - state.events.length;
    }
    return removed;
  }

  async putMetricFilter(scope: Scope, filter: MetricFilterRecord): Promise<'created' | 'replaced' | 'no-group'> {
    const state = this.state(scope, filter.logGroupName);
    if (state === undefined) return 'no-group';
    const replaced = state.filters.has(filter.filterName);
    state.filters.set(filter.filterName, filter);
    return replaced ? 'replaced' : 'created';
  }

  async deleteMetricFilter(scope: Scope, group: string, name: string): Promise<'deleted' | 'no-group' | 'no-filter'> {
    const state = this.state(scope, group);
    if (state === undefined) return 'no-group';
    return state.filters.delete(name) ? 'deleted' : 'no-filter';
  }

  async listMetricFilters(scope: Scope, q: ListMetricFiltersQuery): Promise<MetricFilterRecord[]> {
    const prefix = this.key(scope, '');
    const key = (f: MetricFilterRecord): string => `${f.logGroupName}\u0000${f.filterName}`;
    return [...this.groups.entries()]
      .filter(([k]) => k.startsWith(prefix))
      .flatMap(([, s]) => [...s.filters.values()])
      .filter((f) => q.logGroupName === undefined || f.logGroupName === q.logGroupName)
      .filter((f) => q.filterNamePrefix === undefined || f.filterName.startsWith(q.filterNamePrefix))
      .filter((f) => q.metricName === undefined || f.metricTransformations.some((t) => t.metricName === q.metricName))
      .filter((f) => q.metricNamespace === undefined || f.metricTransformations.some((t) => t.metricNamespace === q.metricNamespace))
      .filter((f) => q.after === undefined || key(f) > `${q.after.logGroupName}\u0000${q.after.filterName}`)
      .sort((a, b) => byName(key(a), key(b)))
      .slice(0, q.limit);
  }
}

function inRange(e: StoredLogEvent, start: number | undefined, end: number | undefined, endInclusive: boolean): boolean {
  if (start !== undefined && e.timestamp < start) return false;
  if (end === undefined) return true;
  return endInclusive ? e.timestamp <= end : e.timestamp < end;
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NOT_AN_OBJECT = Symbol('not an object');

function parseObject(message: string): unknown {
  try {
    const value: unknown = JSON.parse(message);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : NOT_AN_OBJECT;
  } catch {
    return NOT_AN_OBJECT;
  }
}

/** The port's JsonCondition, read literally: JSON.parse semantics, exact (a store may admit more; this one doesn't). */
function holds(condition: JsonCondition, root: unknown): boolean {
  if (root === NOT_AN_OBJECT) return false;
  if (condition.kind === 'all' || condition.kind === 'any') {
    const test = (operand: JsonCondition): boolean => holds(operand, root);
    return condition.kind === 'all' ? condition.operands.every(test) : condition.operands.some(test);
  }
  let value: unknown = root;
  for (const step of condition.path) {
    const container = value as Record<string | number, unknown> | null;
    const fits = typeof step === 'number' ? Array.isArray(container) : container !== null && typeof container === 'object' && !Array.isArray(container);
    if (!fits || !Object.prototype.hasOwnProperty.call(container, step)) return false;
    value = (container as Record<string | number, unknown>)[step];
  }
  if (condition.kind === 'text') {
    if (typeof value !== 'string') return false;
    const matchers = { equals: value === condition.value, 'starts-with': value.startsWith(condition.value), 'ends-with': value.endsWith(condition.value), contains: value.includes(condition.value) };
    return matchers[condition.match];
  }
  const n = typeof value === 'number' ? value : typeof value === 'string' && NUMBER_TEXT.test(value) ? Number(value) : undefined;
  if (n === undefined) return false;
  const compare = { '=': n === condition.value, '<': n < condition.value, '<=': n <= condition.value, '>': n > condition.value, '>=': n >= condition.value };
  return compare[condition.operator];
}
