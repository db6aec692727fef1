import type { Operation } from '../../../kernel/index.js';
import type { InputLogEvent, PutLogEventsRequest, PutLogEventsResponse, RejectedLogEventsInfo } from '../../../models/logs/index.js';
import { logEventObjects, sliceLogEvents, timestampAt, type LogGroupRetention, type NewLogEvent, type NewLogEvents, type Scope } from '../../../storage/index.js';
import { PutLogEventsBody } from '../put-log-events-body.js';
import { invalidParameter, logGroupNotFound, logStreamNotFound } from '../errors.js';
import { eventSize, MAX_BATCH_BYTES } from '../event-size.js';
import { requireLogGroupRetention, scopeOf } from '../log-group-ref.js';
import type { LogsServiceDeps } from '../logs-deps.js';
import { groupMetricFilters } from '../metric-filter-publisher.js';
import { tailBatch } from '../tail/tail-batch.js';
import { parseLogsInput } from '../logs-input.js';
import { DAY_MS, retentionFloor } from '../retention.js';

const HOUR_MS = 3_600_000;
const MAX_FUTURE_MS = 2 * HOUR_MS;
const MAX_AGE_MS = 14 * DAY_MS;
const MAX_SPAN_MS = 24 * HOUR_MS;

/**
 * PutLogEvents, as AWS documents and answers it: whole-call failures for size, order and the 24-hour span of the
 * accepted events; per-event rejection (reported by index) for events too far ahead, too old, or older than the
 * group's retention. Sequence tokens are ignored; nothing is created on the fly. Accepted events feed the group's
 * metric filters and Live Tail once stored.
 *
 * Written as promise steps rather than one async function on purpose: nothing may hold the request's events while
 * the commit runs unless a metric filter or a Live Tail watcher will read them afterwards. An async function keeps
 * its parameters and locals for its whole life, and 4,500 events whose messages are slices of the 1 MB request body
 * outlive young-generation GCs while a commit takes its tens of milliseconds: they were promoted into V8's old
 * generation by the hundred megabytes, the ingest path's largest cost (storage-duckdb/append-commit.ts, PendingAppend).
 */
export function putLogEvents(deps: LogsServiceDeps): Operation<unknown, PutLogEventsResponse> {
  return (raw, ctx) => {
    let batch: ValidBatch;
    try {
      // A body its reader could take is already valid as a whole (put-log-events-body.ts); any other was parsed.
      batch = raw instanceof PutLogEventsBody ? raw : validBatch(raw);
    } catch (error) {
      return Promise.reject(error); // an Operation answers with a promise, rejections included
    }
    const scope = scopeOf(ctx);
    const now = ctx.clock.now();
    return requireLogGroupRetention(deps.store, scope, batch.logGroupName).then((group) =>
      followUpsWanted(deps, scope, batch.logGroupName).then((wanted) => appendBatch(deps, { scope, now, group, wanted }, batch)),
    );
  };
}

interface ValidBatch {
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly events: NewLogEvents;
}

function validBatch(raw: unknown): ValidBatch {
  const input = parseLogsInput<PutLogEventsRequest>('PutLogEvents', raw);
  const events = input.logEvents;
  checkBatchSize(events);
  for (let i = 1; i < events.length; i++) {
    if ((events[i]?.timestamp ?? 0) < (events[i - 1]?.timestamp ?? 0)) {
      throw invalidParameter('Log events in a single PutLogEvents request must be in chronological order.');
    }
  }
  return { logGroupName: input.logGroupName, logStreamName: input.logStreamName, events };
}

/** Whether anything reads the events once stored: the group's metric filters, or a Live Tail session or replay window. */
async function followUpsWanted({ store, afterAppend, liveTail }: LogsServiceDeps, scope: Scope, logGroupName: string): Promise<boolean> {
  if (liveTail?.watches(scope, logGroupName) === true) return true;
  return afterAppend !== undefined && (await groupMetricFilters(store, scope, logGroupName)).length > 0;
}

interface AppendContext {
  readonly scope: Scope;
  readonly now: number;
  readonly group: LogGroupRetention;
  readonly wanted: boolean;
}

function appendBatch(deps: LogsServiceDeps, { scope, now, group, wanted }: AppendContext, batch: ValidBatch): Promise<PutLogEventsResponse> {
  const { logGroupName, logStreamName } = batch;
  const { events } = batch;
  const { start, end, rejected } = acceptedRun(events, now, retentionFloor(group, now));
  if (end - start > 1 && timestampAt(events, end - 1) - timestampAt(events, start) > MAX_SPAN_MS) {
    throw invalidParameter('The batch of log events in a single PutLogEvents request cannot span more than 24 hours.');
  }
  const rejectedInfo = Object.keys(rejected).length > 0 ? { rejectedLogEventsInfo: rejected } : {};
  if (start >= end) {
    return deps.store.getLogStream(scope, logGroupName, logStreamName).then((stream) => {
      if (stream === undefined) throw logStreamNotFound();
      return rejectedInfo;
    });
  }
  const accepted = start === 0 && end === events.length ? events : sliceLogEvents(events, start, end);
  const stored = afterStoring(deps, { scope, logGroupName, logStreamName, ingestionTime: now }, wanted ? logEventObjects(accepted) : undefined);
  return deps.store.append(scope, logGroupName, logStreamName, accepted, now).then((outcome) => {
    if (outcome.kind === 'no-group') throw logGroupNotFound();
    if (outcome.kind === 'no-stream') throw logStreamNotFound();
    stored(outcome.firstSeq, outcome.count);
    return { nextSequenceToken: sequenceToken(outcome.firstSeq + outcome.count), ...rejectedInfo };
  });
}

interface StoredTarget {
  readonly scope: Scope;
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly ingestionTime: number;
}

/**
 * What runs once the events are durable: metric filters and Live Tail get them, without holding up the response.
 * A function of its own so that its closure holds the events only when they are kept.
 */
function afterStoring(deps: LogsServiceDeps, target: StoredTarget, kept: readonly NewLogEvent[] | undefined): (firstSeq: number, count: number) => void {
  const { scope, logGroupName } = target;
  if (kept === undefined) {
    return (firstSeq, count) => deps.liveTail?.passOver(scope, logGroupName, { seq: firstSeq + count - 1, ingestionTime: target.ingestionTime });
  }
  return (firstSeq) => {
    deps.afterAppend?.(scope, logGroupName, kept);
    deps.liveTail?.publish(tailBatch({ ...target, firstSeq, events: kept }));
  };
}

/** Each event may be at most 1 MB with its 26 bytes of overhead, the batch at most 1,048,576 bytes counted alike. */
function checkBatchSize(events: readonly InputLogEvent[]): void {
  let total = 0;
  for (const event of events) {
    const size = eventSize(event.message);
    if (size > MAX_BATCH_BYTES) throw invalidParameter(`Log event too large: ${size} bytes exceeds limit of ${MAX_BATCH_BYTES}`);
    total += size;
  }
  if (total > MAX_BATCH_BYTES) throw invalidParameter(`Upload too large: ${total} bytes exceeds limit of ${MAX_BATCH_BYTES}`);
}

/**
 * Events are in time order, so the too-old and expired ones form a prefix and the too-new ones a suffix, and the
 * accepted ones the run `[start, end)` between them; AWS reports the end of the prefixes (exclusive) and the start
 * of the suffix (inclusive).
 */
function acceptedRun(events: NewLogEvents, now: number, floor: number | undefined): { start: number; end: number; rejected: RejectedLogEventsInfo } {
  let tooOldEnd: number | undefined;
  let expiredEnd: number | undefined;
  let tooNewStart: number | undefined;
  for (let index = 0; index < events.length; index++) {
    const timestamp = timestampAt(events, index);
    if (timestamp < now - MAX_AGE_MS) tooOldEnd = index + 1;
    if (floor !== undefined && timestamp < floor) expiredEnd = index + 1;
    if (timestamp > now + MAX_FUTURE_MS) tooNewStart ??= index;
  }
  return {
    start: Math.max(tooOldEnd ?? 0, expiredEnd ?? 0),
    end: tooNewStart ?? events.length,
    rejected: {
      ...(tooNewStart === undefined ? {} : { tooNewLogEventStartIndex: tooNewStart }),
      ...(tooOldEnd === undefined ? {} : { tooOldLogEventEndIndex: tooOldEnd }),
      ...(expiredEnd === undefined ? {} : { expiredLogEventEndIndex: expiredEnd }),
    },
  };
}

/** Sequence tokens are ignored by AWS now but still returned; ModelWatch's is the next seq, 56 digits like AWS's. */
function sequenceToken(nextSeq: number): string {
  return String(nextSeq).padStart(56, '0');
}
