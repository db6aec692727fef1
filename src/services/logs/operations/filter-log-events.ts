import type { Operation } from '../../../kernel/index.js';
import type { FilteredLogEvent, FilterLogEventsRequest, FilterLogEventsResponse } from '../../../models/logs/index.js';
import type { EventCursor, StoredLogEvent } from '../../../storage/index.js';
import { jsonPushdownOf, matchFilterPattern, prefilterOf } from '../../../filter-pattern/index.js';
import { decodePageToken, encodePageToken } from '../../common/index.js';
import { invalidNextToken, invalidParameter } from '../errors.js';
import { readInBatches } from '../event-chunks.js';
import { eventSize, MAX_EVENTS_PER_PAGE, MAX_PAGE_BYTES } from '../event-size.js';
import { parsePatternInput } from '../filter-pattern-input.js';
import { requireLogGroup, resolveGroupName, scopeOf } from '../log-group-ref.js';
import type { LogsServiceDeps } from '../logs-deps.js';
import { parseLogsInput } from '../logs-input.js';
import { retentionFloor, startAfterFloor } from '../retention.js';

const TOKEN_KIND = 'FilterLogEvents';
/**
 * Candidates (events that passed the store's prefilters) examined per call, all from one streamed read: a call
 * always returns promptly, with a token when it stopped short. A selective pattern whose conditions the store
 * evaluates fills a page in one call; one it cannot evaluate examines this many events per call.
 */
export const FILTER_SCAN_BUDGET = 100_000;
const NEWEST_FIRST_MIN_START = Date.UTC(2024, 0, 1);

interface ScanPosition { readonly descending: boolean; readonly position: EventCursor }

/**
 * FilterLogEvents: a group's events across streams in (timestamp, seq) order, newest first when `startFromHead` is
 * false on the first call (the token fixes the direction afterwards). The pattern's substring prefilter and JSON
 * conditions are pushed down to the store, which streams candidates from one read; the exact match runs here.
 * Pages stop at `limit`, 1 MB or the scan budget, whichever comes first; a page may be partial or empty while
 * `nextToken` says more remains.
 */
export function filterLogEvents({ store }: LogsServiceDeps): Operation<unknown, FilterLogEventsResponse> {
  return async (raw, ctx) => {
    const input = parseLogsInput<FilterLogEventsRequest>('FilterLogEvents', raw);
    const scope = scopeOf(ctx);
    const logGroupName = resolveGroupName(input, scope);
    if (input.logStreamNames !== undefined && input.logStreamNamePrefix !== undefined) {
      throw invalidParameter('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
    }
    const pattern = input.filterPattern ? parsePatternInput(input.filterPattern, 'filter-log-events') : undefined;
    const resume = input.nextToken === undefined ? undefined : readToken(input.nextToken, logGroupName);
    const descending = resume?.descending ?? input.startFromHead === false;
    if (resume === undefined && descending && input.startTime !== undefined && input.startTime < NEWEST_FIRST_MIN_START) {
      throw invalidParameter('startFromHead=false is supported only when startTime is on or after Jan 1, 2024 00:00:00 UTC.');
    }
    const group = await requireLogGroup(store, scope, logGroupName);
    const startTime = startAfterFloor(input.startTime, retentionFloor(group, ctx.clock.now()));
    const allOf = pattern === undefined ? [] : prefilterOf(pattern).allOf;
    const json = pattern === undefined ? undefined : jsonPushdownOf(pattern);
    const events: StoredLogEvent[] = [];
    let bytes = 0;
    const limit = input.limit ?? MAX_EVENTS_PER_PAGE;
    // Without a pattern every candidate is a match, so one more than a page is all the store needs to order.
    const budget = pattern === undefined || pattern.kind === 'match-all' ? limit + 1 : FILTER_SCAN_BUDGET;
    const scan = await readInBatches(
      (scanLimit, visit) => store.scanEventBatches(scope, logGroupName, {
        ...(input.logStreamNames === undefined ? {} : { streamNames: input.logStreamNames }),
        ...(input.logStreamNamePrefix === undefined ? {} : { streamPrefix: input.logStreamNamePrefix }),
        ...(startTime === undefined ? {} : { startTime }),
        ...(input.endTime === undefined ? {} : { endTime: input.endTime }),
        ...(allOf.length === 0 ? {} : { prefilter: { allOf } }),
        ...(json === undefined ? {} : { json }),
        descending,
        ...(resume === undefined ? {} : { from: resume.position }),
        limit: scanLimit,
      }, visit),
      budget,
      (candidate) => {
        if (pattern !== undefined && matchFilterPattern(pattern, candidate.message) === undefined) return true;
        const size = eventSize(candidate.message);
        if (events.length >= limit || bytes + size > MAX_PAGE_BYTES) return false;
        events.push(candidate);
        bytes += size;
        return true;
      },
    );
    const position = scan.last === undefined ? resume?.position : { timestamp: scan.last.timestamp, seq: scan.last.seq };
    const nextToken = scan.exhausted || position === undefined
      ? undefined
      : encodePageToken(TOKEN_KIND, { g: logGroupName, d: descending, t: position.timestamp, s: position.seq });
    return { events: events.map(toFilteredEvent), searchedLogStreams: [], ...(nextToken === undefined ? {} : { nextToken }) };
  };
}

function readToken(token: string, logGroupName: string): ScanPosition {
  const state = decodePageToken(TOKEN_KIND, token);
  if (state?.g !== logGroupName || typeof state.d !== 'boolean' || typeof state.t !== 'number' || typeof state.s !== 'number') throw invalidNextToken();
  return { descending: state.d, position: { timestamp: state.t, seq: state.s } };
}

/** eventId: 56 digits, the timestamp then the store's seq, so ids sort like the events. */
function toFilteredEvent(e: StoredLogEvent): FilteredLogEvent {
  const eventId = String(e.timestamp).padStart(20, '0') + String(e.seq).padStart(36, '0');
  return { logStreamName: e.logStreamName, timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime, eventId };
}
