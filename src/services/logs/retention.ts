import type { LogGroupRetention } from '../../storage/index.js';

export const DAY_MS = 86_400_000;

/** The only values PutRetentionPolicy accepts. */
export const RETENTION_DAYS: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/**
 * The oldest timestamp a read may return. AWS deletes expired events lazily, but ModelWatch stops returning them at
 * once, so a read never depends on when the background purge last ran.
 */
export function retentionFloor(group: Pick<LogGroupRetention, 'retentionInDays'>, now: number): number | undefined {
  return group.retentionInDays === undefined ? undefined : now - group.retentionInDays * DAY_MS;
}

/** The later of a requested start time and the retention floor. */
export function startAfterFloor(startTime: number | undefined, floor: number | undefined): number | undefined {
  if (floor === undefined) return startTime;
  return startTime === undefined ? floor : Math.max(startTime, floor);
}
