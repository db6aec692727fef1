export interface NewLogEvent {
  readonly timestamp: number;
  readonly message: string;
}

/**
 * New events whose messages are still UTF-8 bytes, as a PutLogEvents body carried them: a store copies them into its
 * columns without decoding each into a string and encoding it back (the largest part of ingest's main-thread cost
 * after JSON parsing, which this form skips too). Message `i` is `bytes[starts[i], ends[i])`; the bytes belong to the
 * request and stay valid until the append settles.
 */
export interface Utf8LogEvents {
  readonly kind: 'utf8';
  readonly length: number;
  readonly timestamps: Float64Array;
  readonly bytes: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** What an append takes: event objects, or the same events as UTF-8 bytes. */
export type NewLogEvents = readonly NewLogEvent[] | Utf8LogEvents;

export function isUtf8LogEvents(events: NewLogEvents): events is Utf8LogEvents {
  return !Array.isArray(events);
}

const decoder = new TextDecoder();

/** Message `index` as a string, for the few places that need one (a record's fields, metric filters, Live Tail). */
export function utf8Message(events: Utf8LogEvents, index: number): string {
  return decoder.decode(events.bytes.subarray(events.starts[index], events.ends[index]));
}

/** The events as objects: what a store or a reader without a byte path works with. */
export function logEventObjects(events: NewLogEvents): readonly NewLogEvent[] {
  if (!isUtf8LogEvents(events)) return events;
  return Array.from({ length: events.length }, (_, index) => ({ timestamp: events.timestamps[index] as number, message: utf8Message(events, index) }));
}

/** Events `[start, end)`: the accepted run of a batch whose too-old and too-new events were cut off its ends. */
export function sliceLogEvents(events: NewLogEvents, start: number, end: number): NewLogEvents {
  if (!isUtf8LogEvents(events)) return events.slice(start, end);
  return {
    kind: 'utf8',
    length: end - start,
    timestamps: events.timestamps.subarray(start, end),
    bytes: events.bytes,
    starts: events.starts.subarray(start, end),
    ends: events.ends.subarray(start, end),
  };
}

/** The index of the first event whose timestamp is not a whole number of milliseconds, or -1. */
export function firstUnsafeTimestamp(events: NewLogEvents): number {
  if (!isUtf8LogEvents(events)) return events.findIndex((event) => !Number.isSafeInteger(event.timestamp));
  return events.timestamps.findIndex((timestamp) => !Number.isSafeInteger(timestamp));
}

export function timestampAt(events: NewLogEvents, index: number): number {
  return (isUtf8LogEvents(events) ? events.timestamps[index] : events[index]?.timestamp) ?? Number.NaN;
}
