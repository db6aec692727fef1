import type { MaintenanceOutcome } from '../../storage/index.js';
import type { SqlRunner } from '../sql-runner.js';
import { SqlParams, num } from '../sql-values.js';
import type { WriteLane } from '../write-lane.js';
import type { MetricCatalog } from './metric-catalog.js';
import { BUCKET_DISTRIBUTION, NO_DISTRIBUTION, POINT_DISTRIBUTION } from './metric-rows.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** AWS's schedule (spec 9.4): how long each resolution is kept before it is rolled into the next one. */
const LEVELS = [
  { from: 1, to: 60, keptFor: 3 * HOUR_MS },
  { from: 60, to: 300, keptFor: 15 * DAY_MS },
  { from: 300, to: 3600, keptFor: 63 * DAY_MS },
] as const;
export const METRIC_RETENTION_MS = 455 * DAY_MS;

/**
 * Rolls every row past its resolution's retention into a row of the next resolution (sums, min, max and merged
 * buckets, so percentiles stay exact to the sketch's accuracy), one transaction for all levels. The cutoff is
 * aligned to the coarser resolution, so a coarse bucket is never split between rolled and unrolled rows.
 */
export function rollUpMetrics(lane: WriteLane, now: number): Promise<MaintenanceOutcome> {
  return lane.transaction(async (db) => {
    let rows = 0;
    for (const level of LEVELS) rows += await rollUpLevel(db, level, now);
    return { rows };
  });
}

async function rollUpLevel(db: SqlRunner, level: (typeof LEVELS)[number], now: number): Promise<number> {
  const stepMs = level.to * 1000;
  const cutoff = now - level.keptFor;
  const alignedCutoff = cutoff - (((cutoff % stepMs) + stepMs) % stepMs);
  // Each statement binds exactly the values it uses.
  const statement = (write: (old: string, to: string, bucket: string) => string): [string, SqlParams] => {
    const p = new SqlParams();
    const old = `resolution = ${p.int(level.from)} AND ts < ${p.bigint(alignedCutoff)}`;
    return [write(old, p.int(level.to), `ts - ts % ${p.bigint(stepMs)}`), p];
  };
  await db.run(
    ...statement(
      (old, to, bucket) => `INSERT INTO metric_buckets SELECT series_id, ${to}, t, key, sum(c) FROM (
         SELECT series_id, ${bucket} AS t, point_key AS key, sample_count AS c FROM metric_points WHERE ${old} AND dist = ${POINT_DISTRIBUTION}
         UNION ALL SELECT series_id, ${bucket}, key, count FROM metric_buckets WHERE ${old}
       ) GROUP BY series_id, t, key`,
    ),
  );
  await db.run(
    ...statement(
      (old, to, bucket) => `INSERT INTO metric_points SELECT series_id, ${to}, ${bucket} AS t, sum(sample_count), sum(sum), min(min), max(max), 0,
         CASE WHEN bool_and(dist > 0) THEN ${BUCKET_DISTRIBUTION} ELSE ${NO_DISTRIBUTION} END
       FROM metric_points WHERE ${old} GROUP BY series_id, t`,
    ),
  );
  const p = new SqlParams();
  const old = `resolution = ${p.int(level.from)} AND ts < ${p.bigint(alignedCutoff)}`;
  await db.run(`DELETE FROM metric_buckets WHERE ${old}`, p);
  return db.run(`DELETE FROM metric_points WHERE ${old}`, p);
}

/** Deletes data older than 455 days (whatever its resolution), then the series left without any data. */
export async function purgeExpiredMetrics(lane: WriteLane, catalog: MetricCatalog, now: number): Promise<MaintenanceOutcome> {
  const { rows, gone } = await lane.transaction(async (db) => {
    const p = new SqlParams();
    const expired = `ts < ${p.bigint(now - METRIC_RETENTION_MS)}`;
    await db.run(`DELETE FROM metric_buckets WHERE ${expired}`, p);
    const deleted = await db.run(`DELETE FROM metric_points WHERE ${expired}`, p);
    if (deleted === 0) return { rows: 0, gone: [] };
    const series = await db.rows(`DELETE FROM metric_series WHERE series_id NOT IN (SELECT DISTINCT series_id FROM metric_points) RETURNING series_id`);
    return { rows: deleted, gone: series.map((row) => num(row, 'series_id')) };
  });
  // Only after COMMIT: a rolled-back purge must leave the catalog as it was.
  catalog.removeSeries(new Set(gone));
  return { rows };
}
