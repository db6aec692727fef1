import type { NewLogEvent, Scope, TailBatch } from '../../../storage/index.js';

export interface StoredAppend {
  readonly scope: Scope;
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly ingestionTime: number;
  /** The store's seq of the first event; the others follow consecutively (AppendOutcome). */
  readonly firstSeq: number;
  readonly events: readonly NewLogEvent[];
}

/** The bus batch for events a write path has just stored. */
export function tailBatch(append: StoredAppend): TailBatch {
  const { logStreamName, ingestionTime, firstSeq } = append;
  return {
    scope: append.scope,
    logGroupName: append.logGroupName,
    events: append.events.map((event, i) => ({ seq: firstSeq + i, logStreamName, timestamp: event.timestamp, ingestionTime, message: event.message })),
  };
}
