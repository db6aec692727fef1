import type { TailEvent, TailPosition } from '../../../storage/index.js';

/**
 * The console stream's event id: `<seq>-<ingestionTime>`. The seq orders events store-wide; the ingestion time lets
 * a resume that reaches past the replay window bound its read of the store.
 */
export function formatCursor(event: Pick<TailEvent, 'seq' | 'ingestionTime'>): string {
  return `${event.seq}-${event.ingestionTime}`;
}

/** `undefined` for text that is not a cursor this server wrote. */
export function parseCursor(text: string): TailPosition | undefined {
  const match = /^(\d{1,15})-(\d{1,15})$/.exec(text.trim());
  if (match === null) return undefined;
  return { kind: 'after', seq: Number(match[1]), ingestionTime: Number(match[2]) };
}
