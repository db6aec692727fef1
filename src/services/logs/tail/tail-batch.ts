import type { NewLogEvent, Scope, TailBatch, TailEvent } from '../../../storage/index.js';

export interface StoredAppend {
  readonly scope: Scope;
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly ingestionTime: number;
  /** The store's seq of the first event; the others follow consecutively (AppendOutcome). */
  readonly firstSeq: number;
  readonly events: readonly NewLogEvent[];
}

/**
 * The bus batch for events a write path has just stored. Its events are made when first read: with no session
 * watching the group the bus never reads them, and making 4,500 of them per PutLogEvents call was ~4% of the
 * ingest path's main thread.
 */
export function tailBatch(append: StoredAppend): TailBatch {
  const { logStreamName, ingestionTime, firstSeq } = append;
  let events: TailEvent[] | undefined;
  return {
    scope: append.scope,
    logGroupName: append.logGroupName,
    get events(): readonly TailEvent[] {
      events ??= append.events.map((event, i) => ({ seq: firstSeq + i, logStreamName, timestamp: event.timestamp, ingestionTime, message: event.message }));
      return events;
    },
  };
}
