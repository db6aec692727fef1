import type { LogStore, ScanEventsQuery, TailBus, TailPosition } from '../../../storage/index.js';
import type { TailMatch } from './tail-inbox.js';
import type { TailSelection } from './tail-selection.js';

/** PutLogEvents accepts events at most 14 days older than their ingestion, which bounds a resume's read of the store. */
const MAX_EVENT_AGE_MS = 14 * 86_400_000;
/** Events one resume delivers; a longer gap ends with a notice carrying the cursor to continue from. */
export const MAX_REPLAY_EVENTS = 10_000;
/** Matches held while ordering a resume read from the store. */
const MAX_REPLAY_CANDIDATES = 100_000;

export interface Backlog {
  /** In seq (store commit) order. */
  readonly matches: readonly TailMatch[];
  /** True when more events were missed than one resume delivers. */
  readonly truncated: boolean;
}

/**
 * What a resuming reader missed: from the bus's replay window when it reaches back far enough, else from the store,
 * so nothing within retention is lost. Filtered by the session's selection and ordered by seq.
 */
export async function replayBacklog(bus: TailBus, store: LogStore, selection: TailSelection, from: TailPosition): Promise<Backlog> {
  const matches: TailMatch[] = [];
  for (const logGroupName of selection.logGroupNames) {
    const replay = await bus.replay(selection.scope, logGroupName, from);
    if (replay.kind === 'covered') {
      for (const event of replay.events) if (selection.matches(event)) matches.push({ logGroupName, event });
    } else {
      await readStore(store, selection, logGroupName, from, matches);
    }
  }
  matches.sort((a, b) => a.event.seq - b.event.seq);
  const truncated = matches.length > MAX_REPLAY_EVENTS;
  return { matches: truncated ? matches.slice(0, MAX_REPLAY_EVENTS) : matches, truncated };
}

async function readStore(store: LogStore, selection: TailSelection, logGroupName: string, from: TailPosition, out: TailMatch[]): Promise<void> {
  const { logStreamNames, logStreamNamePrefixes } = selection.request;
  const query: ScanEventsQuery = {
    ...(logStreamNames === undefined ? {} : { streamNames: logStreamNames }),
    ...(logStreamNamePrefixes?.length === 1 ? { streamPrefix: logStreamNamePrefixes[0] } : {}),
    startTime: Math.max(0, from.ingestionTime - MAX_EVENT_AGE_MS),
    descending: false,
    limit: Number.MAX_SAFE_INTEGER,
  };
  const missed = from.kind === 'after'
    ? (seq: number, _ingestion: number) => seq > from.seq
    : (_seq: number, ingestion: number) => ingestion >= from.ingestionTime;
  await store.scanEventBatches(selection.scope, logGroupName, query, (batch) => {
    for (const event of batch) {
      if (missed(event.seq, event.ingestionTime) && selection.matches(event)) out.push({ logGroupName, event });
    }
    return out.length < MAX_REPLAY_CANDIDATES;
  });
}
