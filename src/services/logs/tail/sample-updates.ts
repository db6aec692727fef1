import type { LiveTailSessionLogEvent } from '../../../models/logs/index.js';
import type { Scope } from '../../../storage/index.js';
import type { TailMatch } from './tail-inbox.js';
import { resultGroupIdentifier } from './tail-selection.js';

/** AWS sends at most this many events per sessionUpdate, sampling down when more matched in that second. */
export const MAX_EVENTS_PER_UPDATE = 500;

/**
 * One update's results: the matches in timestamp order (ties in arrival order), evenly thinned to 500 when more
 * matched. Even spacing keeps the sample representative of the whole second and the output deterministic.
 */
export function sampleResults(scope: Scope, matches: readonly TailMatch[]): { results: LiveTailSessionLogEvent[]; sampled: boolean } {
  const ordered = [...matches].sort((a, b) => a.event.timestamp - b.event.timestamp || a.event.seq - b.event.seq);
  const sampled = ordered.length > MAX_EVENTS_PER_UPDATE;
  const picked = sampled
    ? Array.from({ length: MAX_EVENTS_PER_UPDATE }, (_, i) => ordered[Math.floor((i * ordered.length) / MAX_EVENTS_PER_UPDATE)] as TailMatch)
    : ordered;
  return { results: picked.map((match) => toResult(scope, match)), sampled };
}

export function toResult(scope: Scope, { logGroupName, event }: TailMatch): LiveTailSessionLogEvent {
  return {
    logStreamName: event.logStreamName,
    logGroupIdentifier: resultGroupIdentifier(scope, logGroupName),
    message: event.message,
    timestamp: event.timestamp,
    ingestionTime: event.ingestionTime,
  };
}
