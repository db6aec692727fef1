/** PutLogEvents and the read pages measure an event as its UTF-8 message bytes plus 26 bytes of overhead. */
export const EVENT_OVERHEAD_BYTES = 26;
export const MAX_BATCH_BYTES = 1_048_576;
export const MAX_PAGE_BYTES = 1_048_576;
export const MAX_EVENTS_PER_PAGE = 10_000;

export function eventSize(message: string): number {
  return Buffer.byteLength(message, 'utf8') + EVENT_OVERHEAD_BYTES;
}

