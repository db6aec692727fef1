import type { BedrockConfigStore, NewMetricDatum, Scope, StoredLoggingConfig } from '../../../storage/index.js';
import type { AppendLogEventsOutcome, LogBucket, LogEventInput, LogGroupSink, LogObject, LogObjectStore } from './log-destinations.js';

/** In-memory stand-ins for the ports invocation logging uses (unit tests only; e2e uses the real services). */

const key = (scope: Scope): string => `${scope.accountId}/${scope.region}`;

export class MemoryConfigStore implements BedrockConfigStore {
  readonly configs = new Map<string, StoredLoggingConfig>();
  getLoggingConfig(scope: Scope): Promise<StoredLoggingConfig | undefined> {
    return Promise.resolve(this.configs.get(key(scope)));
  }
  putLoggingConfig(scope: Scope, config: StoredLoggingConfig): Promise<void> {
    this.configs.set(key(scope), structuredClone(config));
    return Promise.resolve();
  }
  deleteLoggingConfig(scope: Scope): Promise<void> {
    this.configs.delete(key(scope));
    return Promise.resolve();
  }
}

export class MemoryObjects implements LogObjectStore {
  readonly buckets = new Map<string, LogBucket>();
  readonly objects = new Map<string, LogObject>();
  /** Puts fail while this is set (a transient outage). */
  failPuts = 0;
  addBucket(name: string, accountId = '111111111111', region = 'us-east-1'): void {
    this.buckets.set(name, { name, accountId, region, createdAt: 0 });
  }
  bucketOf(name: string): Promise<LogBucket | undefined> {
    return Promise.resolve(this.buckets.get(name));
  }
  putObject(object: LogObject): Promise<void> {
    if (this.failPuts > 0) {
      this.failPuts--;
      return Promise.reject(new Error('injected S3 failure'));
    }
    if (!this.buckets.has(object.bucket)) return Promise.reject(new Error(`NoSuchBucket: ${object.bucket}`));
    this.objects.set(`${object.bucket}/${object.key}`, object);
    return Promise.resolve();
  }
  keys(): string[] {
    return [...this.objects.keys()].sort();
  }
}

export class MemoryLogGroups implements LogGroupSink {
  readonly groups = new Map<string, Map<string, LogEventInput[]>>();
  appendCalls = 0;
  addGroup(name: string, scope: Scope = { accountId: '111111111111', region: 'us-east-1' }): void {
    this.groups.set(`${key(scope)}/${name}`, new Map());
  }
  logGroupExists(scope: Scope, logGroupName: string): Promise<boolean> {
    return Promise.resolve(this.groups.has(`${key(scope)}/${logGroupName}`));
  }
  appendLogEvents(scope: Scope, logGroupName: string, logStreamName: string, events: readonly LogEventInput[]): Promise<AppendLogEventsOutcome> {
    this.appendCalls++;
    const group = this.groups.get(`${key(scope)}/${logGroupName}`);
    if (group === undefined) return Promise.resolve('no-group');
    const stream = group.get(logStreamName) ?? [];
    stream.push(...events);
    group.set(logStreamName, stream);
    return Promise.resolve('appended');
  }
  events(name: string, stream: string, scope: Scope = { accountId: '111111111111', region: 'us-east-1' }): LogEventInput[] {
    return this.groups.get(`${key(scope)}/${name}`)?.get(stream) ?? [];
  }
}

export class MemoryMetrics {
  readonly data: { scope: Scope; datum: NewMetricDatum }[] = [];
  putMetricData(scope: Scope, data: readonly NewMetricDatum[]): Promise<void> {
    for (const datum of data) this.data.push({ scope, datum });
    return Promise.resolve();
  }
  /** Sum of every sample of one metric (values weighted by counts). */
  sum(metricName: string): number {
    let total = 0;
    for (const { datum } of this.data) {
      if (datum.metric.metricName !== metricName) continue;
      const s = datum.sample;
      if (s.kind === 'value') total += s.value;
      else if (s.kind === 'values') s.values.forEach((v, i) => (total += v * (s.counts[i] ?? 1)));
      else total += s.sum;
    }
    return total;
  }
}

/**
 * A DeliverySpool in memory that survives its logger: `crash()` forgets what was not released, as a restart would
 * see it, without the file adapter (services never import adapters; the file spool has its own contract suite).
 */
export class MemorySpool {
  private entries: { seq: number; line: string }[] = [];
  private next = 1;
  private released = 0;
  private recovered: { seq: number; line: string }[] = [];
  closed = false;
  takeRecovered(): readonly { seq: number; line: string }[] {
    const out = this.recovered;
    this.recovered = [];
    return out;
  }
  append(line: string): number {
    if (this.closed) throw new Error('closed');
    const seq = this.next++;
    this.entries.push({ seq, line });
    return seq;
  }
  release(upTo: number): void {
    this.released = Math.max(this.released, upTo);
    this.entries = this.entries.filter((e) => e.seq > this.released);
  }
  flush(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
  /** What a new process would replay. */
  reopen(): this {
    this.closed = false;
    this.recovered = [...this.entries];
    return this;
  }
  get unreleased(): number {
    return this.entries.length;
  }
}
