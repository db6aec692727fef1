/**
 * Deterministic synthetic log events: the same (writer, batch, position) always yields the same event, so the server
 * and the DuckDB baselines can be fed identical rows without keeping them in memory.
 * About 70% of messages are JSON, 30% plain text, ~200 bytes each; `ERROR` appears in ~1% of all events and
 * `"status":500` in ~1% of JSON events. Nothing else contains `ERROR`, so substring and term matching agree.
 */
export interface EventLayout {
  readonly logGroupName: string;
  readonly writers: number;
  readonly batchesPerWriter: number;
  readonly eventsPerBatch: number;
  /** Timestamp of every stream's first event (ms since epoch). */
  readonly baseTime: number;
  /** Milliseconds between consecutive events of one stream (at most 1, smaller when a stream holds many events). */
  readonly stepMs: number;
}

export interface GeneratedEvent {
  readonly logStreamName: string;
  readonly timestamp: number;
  readonly message: string;
  /** `message` as a JSON string literal, computed once and shared by every encoder. */
  readonly messageJson: string;
}

export interface LayoutOptions {
  readonly logGroupName: string;
  readonly writers: number;
  readonly totalEvents: number;
  readonly eventsPerBatch: number;
  readonly now: number;
}

// Events must be younger than 14 days and at most 2 h in the future; keep every stream inside [now-3h, now-1h].
const WINDOW_MS = 2 * 60 * 60 * 1000;
const START_OFFSET_MS = 3 * 60 * 60 * 1000;

export function createEventLayout(options: LayoutOptions): EventLayout {
  const batchesPerWriter = Math.max(1, Math.round(options.totalEvents / (options.writers * options.eventsPerBatch)));
  const perStream = batchesPerWriter * options.eventsPerBatch;
  return {
    logGroupName: options.logGroupName,
    writers: options.writers,
    batchesPerWriter,
    eventsPerBatch: options.eventsPerBatch,
    baseTime: options.now - START_OFFSET_MS,
    stepMs: Math.min(1, WINDOW_MS / perStream),
  };
}

export function totalEvents(layout: EventLayout): number {
  return layout.writers * layout.batchesPerWriter * layout.eventsPerBatch;
}

export function streamName(writer: number): string {
  return `bench-stream-${String(writer).padStart(2, '0')}`;
}

export function streamNames(layout: EventLayout): string[] {
  return Array.from({ length: layout.writers }, (_, writer) => streamName(writer));
}

/** Global event index; batches of all writers interleave so any prefix of batches is a balanced sample. */
export function eventIndex(layout: EventLayout, writer: number, batch: number, position: number): number {
  return (batch * layout.writers + writer) * layout.eventsPerBatch + position;
}

export function batchEvents(layout: EventLayout, writer: number, batch: number): GeneratedEvent[] {
  const logStreamName = streamName(writer);
  const events: GeneratedEvent[] = [];
  for (let position = 0; position < layout.eventsPerBatch; position++) {
    const inStream = batch * layout.eventsPerBatch + position;
    const message = eventMessage(eventIndex(layout, writer, batch, position));
    events.push({
      logStreamName,
      timestamp: layout.baseTime + Math.floor(inStream * layout.stepMs),
      message,
      messageJson: JSON.stringify(message),
    });
  }
  return events;
}

/** A 32-bit integer hash (from murmur3's finaliser): cheap and well mixed, so the mix of kinds is stable. */
function mix(value: number): number {
  let h = Math.imul(value ^ (value >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function isJsonEvent(index: number): boolean {
  return mix(index * 3 + 1) % 10 < 7;
}

export function isErrorEvent(index: number): boolean {
  return mix(index * 5 + 2) % 100 === 0;
}

const STATUSES = [200, 200, 200, 200, 201, 204, 301, 304, 400, 404] as const;

export function eventStatus(index: number): number {
  const h = mix(index * 7 + 3);
  return h % 100 === 0 ? 500 : (STATUSES[(h >>> 8) % STATUSES.length] ?? 200);
}

const LEVELS = ['INFO', 'INFO', 'INFO', 'INFO', 'DEBUG', 'WARN'] as const;
const METHODS = ['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE'] as const;
const RESOURCES = ['orders', 'customers', 'invoices', 'products', 'sessions', 'shipments'] as const;
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'] as const;
const PHRASES = ['request completed', 'cache miss', 'upstream retry ok', 'slow query'] as const;

function pick<T>(values: readonly T[], hash: number): T {
  return values[hash % values.length] as T;
}

export function eventMessage(index: number): string {
  const a = mix(index * 11 + 4);
  const b = mix(index * 13 + 5);
  const level = isErrorEvent(index) ? 'ERROR' : pick(LEVELS, a);
  const status = eventStatus(index);
  const method = pick(METHODS, a >>> 4);
  const path = `/v1/${pick(RESOURCES, a >>> 8)}/${b % 1_000_000}`;
  const latency = (a >>> 12) % 2000;
  const requestId = `${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
  const user = `u-${(b >>> 6) % 100_000}`;
  const bytes = (b >>> 3) % 65_536;
  const region = pick(REGIONS, b >>> 20);
  const phrase = pick(PHRASES, b >>> 24);
  if (isJsonEvent(index)) {
    return `{"level":"${level}","status":${status},"method":"${method}","path":"${path}","latency_ms":${latency},"request_id":"${requestId}","user_id":"${user}","bytes_sent":${bytes},"region":"${region}","message":"${phrase}"}`;
  }
  return `${level} [worker-${a % 16}] ${method} ${path} status=${status} latency_ms=${latency} request_id=${requestId} user_id=${user} bytes_sent=${bytes} region=${region} ${phrase}`;
}
