import type { EventCursor, StoredLogEvent } from '../../storage/index.js';
import { eventSize } from './event-size.js';

/** Reads `limit` events strictly after (in the read's direction) `from`, or from the start of the read. */
export type ChunkReader = (from: EventCursor | undefined, limit: number) => Promise<StoredLogEvent[]>;

export interface ChunkedRead {
  /** The store has no more events in this direction (every event it returned was consumed). */
  readonly exhausted: boolean;
  /** The last event the visitor consumed: where the next page continues from. */
  readonly last: StoredLogEvent | undefined;
}

const FIRST_CHUNK = 50;
const MIN_CHUNK = 16;
/** Aim each store round trip at about this much message data, so huge messages never pile up in memory. */
const CHUNK_BYTES = 1_048_576;

/**
 * Feeds events to `visit` in read order, fetching them in chunks sized from the messages seen so far, until the visitor
 * declines an event (returns false; that event is not consumed), `budget` events were consumed, or the store runs out.
 */
export async function readInChunks(read: ChunkReader, from: EventCursor | undefined, budget: number, visit: (event: StoredLogEvent) => boolean): Promise<ChunkedRead> {
  let consumed = 0;
  let bytes = 0;
  let last: StoredLogEvent | undefined;
  let cursor = from;
  let chunk = Math.min(budget, FIRST_CHUNK);
  for (;;) {
    const events = await read(cursor, chunk);
    for (const event of events) {
      if (!visit(event)) return { exhausted: false, last };
      last = event;
      consumed++;
      bytes += eventSize(event.message);
    }
    if (events.length < chunk) return { exhausted: true, last };
    if (consumed >= budget || last === undefined) return { exhausted: false, last };
    cursor = { timestamp: last.timestamp, seq: last.seq };
    chunk = Math.min(budget - consumed, Math.max(MIN_CHUNK, Math.floor(CHUNK_BYTES / (bytes / consumed))));
  }
}

/** Streams up to `limit` events in read order to `visit` in batches; `visit` returns false to stop the read. */
export type BatchReader = (limit: number, visit: (batch: readonly StoredLogEvent[]) => boolean) => Promise<void>;

/**
 * Like readInChunks, from one streamed read of at most `budget` events: feeds events to `visit` until it declines
 * one (that event is not consumed), `budget` events were consumed, or the store runs out.
 */
export async function readInBatches(read: BatchReader, budget: number, visit: (event: StoredLogEvent) => boolean): Promise<ChunkedRead> {
  let consumed = 0;
  let last: StoredLogEvent | undefined;
  let declined = false;
  await read(budget, (batch) => {
    for (const event of batch) {
      if (!visit(event)) {
        declined = true;
        return false;
      }
      last = event;
      consumed++;
    }
    return true;
  });
  return { exhausted: !declined && consumed < budget, last };
}
