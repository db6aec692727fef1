import type { Operation } from '../../../kernel/index.js';
import type { InputLogEvent, PutLogEventsRequest, PutLogEventsResponse, RejectedLogEventsInfo } from '../../../models/logs/index.js';
import type { NewLogEvent } from '../../../storage/index.js';
import { invalidParameter, logGroupNotFound, logStreamNotFound } from '../errors.js';
import { eventSize, MAX_BATCH_BYTES } from '../event-size.js';
import { requireLogGroupRetention, scopeOf } from '../log-group-ref.js';
import type { LogsServiceDeps } from '../logs-deps.js';
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
 * metric filters once stored.
 */
export function putLogEvents({ store, afterAppend, liveTail }: LogsServiceDeps): Operation<unknown, PutLogEventsResponse> {
  return async (raw, ctx) => {
    const input = parseLogsInput<PutLogEventsRequest>('PutLogEvents', raw);
    const events = input.logEvents;
    checkBatchSize(events);
    for (let i = 1; i < events.length; i++) {
      if ((events[i]?.timestamp ?? 0) < (events[i - 1]?.timestamp ?? 0)) {
        throw invalidParameter('Log events in a single PutLogEvents request must be in chronological order.');
      }
    }
    const scope = scopeOf(ctx);
    const now = ctx.clock.now();
    const group = await requireLogGroupRetention(store, scope, input.logGroupName);
    const { accepted, rejected } = classify(events, now, retentionFloor(group, now));
    const first = accepted[0];
    const last = accepted[accepted.length - 1];
    if (first !== undefined && last !== undefined && last.timestamp - first.timestamp > MAX_SPAN_MS) {
      throw invalidParameter('The batch of log events in a single PutLogEvents request cannot span more than 24 hours.');
    }
    const rejectedInfo = Object.keys(rejected).length > 0 ? { rejectedLogEventsInfo: rejected } : {};
    if (accepted.length === 0) {
      if ((await store.getLogStream(scope, input.logGroupName, input.logStreamName)) === undefined) throw logStreamNotFound();
      return rejectedInfo;
    }
    const outcome = await store.append(scope, input.logGroupName, input.logStreamName, accepted, now);
    if (outcome.kind === 'no-group') throw logGroupNotFound();
    if (outcome.kind === 'no-stream') throw logStreamNotFound();
    // Durable now: metric filters publish from here, without holding up the response.
    afterAppend?.(scope, input.logGroupName, accepted);
    liveTail?.publish(tailBatch({ scope, logGroupName: input.logGroupName, logStreamName: input.logStreamName, ingestionTime: now, firstSeq: outcome.firstSeq, events: accepted }));
    return { nextSequenceToken: sequenceToken(outcome.firstSeq + outcome.count), ...rejectedInfo };
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
 * Events are in time order, so the too-old and expired ones form a prefix and the too-new ones a suffix; AWS reports
 * the end of the prefixes (exclusive) and the start of the suffix (inclusive).
 */
function classify(events: readonly InputLogEvent[], now: number, floor: number | undefined): { accepted: NewLogEvent[]; rejected: RejectedLogEventsInfo } {
  const accepted: NewLogEvent[] = [];
  let tooOldEnd: number | undefined;
  let expiredEnd: number | undefined;
  let tooNewStart: number | undefined;
  events.forEach((event, index) => {
    const tooOld = event.timestamp < now - MAX_AGE_MS;
    const expired = floor !== undefined && event.timestamp < floor;
    const tooNew = event.timestamp > now + MAX_FUTURE_MS;
    if (tooOld) tooOldEnd = index + 1;
    if (expired) expiredEnd = index + 1;
    if (tooNew) tooNewStart ??= index;
    // The validated input holds only the modeled members, so the event itself is the stored shape: no copy.
    if (!tooOld && !expired && !tooNew) accepted.push(event);
  });
  return {
    accepted,
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
