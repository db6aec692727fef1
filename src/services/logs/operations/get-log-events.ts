import type { Operation } from '../../../kernel/index.js';
import type { GetLogEventsRequest, GetLogEventsResponse } from '../../../models/logs/index.js';
import type { EventCursor, StoredLogEvent } from '../../../storage/index.js';
import { invalidNextToken, logStreamNotFound } from '../errors.js';
import { readInChunks } from '../event-chunks.js';
import { eventSize, MAX_EVENTS_PER_PAGE, MAX_PAGE_BYTES } from '../event-size.js';
import { requireLogGroupRetention, resolveGroupName, scopeOf } from '../log-group-ref.js';
import type { LogsServiceDeps } from '../logs-deps.js';
import { parseLogsInput } from '../logs-input.js';
import { retentionFloor, startAfterFloor } from '../retention.js';
import { decodeStreamToken, encodeStreamToken, readCursor, STREAM_END, STREAM_START, type StreamToken } from '../stream-position-token.js';

/**
 * GetLogEvents: one stream's events in ascending order per page. Without a token the page is the latest events
 * (`startFromHead` false, the default) or the earliest; a token continues in its own direction. startTime is
 * inclusive, endTime exclusive. At the end of the stream in a direction the token returned is the token passed in.
 */
export function getLogEvents({ store }: LogsServiceDeps): Operation<unknown, GetLogEventsResponse> {
  return async (raw, ctx) => {
    const input = parseLogsInput<GetLogEventsRequest>('GetLogEvents', raw);
    const scope = scopeOf(ctx);
    const logGroupName = resolveGroupName(input, scope);
    const streamKey = `${logGroupName}\u0000${input.logStreamName}`;
    const passed = input.nextToken === undefined ? undefined : decodeStreamToken(streamKey, input.nextToken);
    if (input.nextToken !== undefined && passed === undefined) throw invalidNextToken();
    const group = await requireLogGroupRetention(store, scope, logGroupName);
    const direction = passed?.direction ?? (input.startFromHead === true ? 'f' : 'b');
    const startTime = startAfterFloor(input.startTime, retentionFloor(group, ctx.clock.now()));
    const page: StoredLogEvent[] = [];
    let bytes = 0;
    const limit = input.limit ?? MAX_EVENTS_PER_PAGE;
    await readInChunks(
      (from, chunk) => store.readStream(scope, logGroupName, input.logStreamName, {
        ...(startTime === undefined ? {} : { startTime }),
        ...(input.endTime === undefined ? {} : { endTime: input.endTime }),
        direction: direction === 'f' ? 'forward' : 'backward',
        ...(from === undefined ? {} : { from }),
        limit: chunk,
      }),
      readCursor(passed),
      limit,
      (event) => {
        bytes += eventSize(event.message);
        if (bytes > MAX_PAGE_BYTES) return false;
        page.push(event);
        return true;
      },
    );
    if (direction === 'b') page.reverse();
    if (page.length === 0 && (await store.getLogStream(scope, logGroupName, input.logStreamName)) === undefined) throw logStreamNotFound();
    const [forward, backward] = nextTokens(page, passed, direction);
    return {
      events: page.map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime })),
      nextForwardToken: encodeStreamToken(streamKey, forward),
      nextBackwardToken: encodeStreamToken(streamKey, backward),
    };
  };
}

/** Tokens anchor on the page's last and first events; an empty page keeps the position it was asked from. */
function nextTokens(page: readonly StoredLogEvent[], passed: StreamToken | undefined, direction: 'f' | 'b'): [StreamToken, StreamToken] {
  const first = page[0];
  const last = page[page.length - 1];
  if (first !== undefined && last !== undefined) {
    return [{ direction: 'f', position: positionOf(last) }, { direction: 'b', position: positionOf(first) }];
  }
  if (passed !== undefined) return [{ direction: 'f', position: passed.position }, { direction: 'b', position: passed.position }];
  // Nothing to anchor on: forward from the very start (so later events are found), backward from where the read began.
  return [{ direction: 'f', position: STREAM_START }, { direction: 'b', position: direction === 'f' ? STREAM_START : STREAM_END }];
}

function positionOf(event: StoredLogEvent): EventCursor {
  return { timestamp: event.timestamp, seq: event.seq };
}
