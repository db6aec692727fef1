import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { NewMetricDatum, Scope } from '../../storage/index.js';
import type { SqlRunner } from '../sql-runner.js';
import { inTransaction } from '../write-lane.js';
import type { CatalogMetric, MetricCatalog, NewSeries } from './metric-catalog.js';
import type { KeyedMetric } from './metric-keys.js';
import type { MetricRows } from './metric-rows.js';

/** A PutMetricData call waiting for the group commit, its metrics already keyed (and checked) on arrival. */
export interface PendingPut {
  readonly scope: Scope;
  readonly data: readonly NewMetricDatum[];
  readonly keyed: readonly KeyedMetric[];
}

export interface MetricCommitTurn {
  readonly connection: DuckDBConnection;
  readonly db: SqlRunner;
  readonly catalog: MetricCatalog;
  readonly rows: MetricRows;
}

/**
 * Writes a batch of puts in one transaction: new series, their points and buckets. The catalog learns new series
 * as they are resolved and forgets them again if the transaction fails; activity times move only after COMMIT.
 */
export async function commitPuts(turn: MetricCommitTurn, batch: readonly PendingPut[]): Promise<void> {
  const created: NewSeries[] = [];
  const touched = new Set<CatalogMetric>();
  try {
    await inTransaction(turn.db, async () => {
      const points = await turn.connection.createAppender('metric_points');
      const buckets = await turn.connection.createAppender('metric_buckets');
      appendAll([points, buckets], () => {
        turn.rows.begin(points, buckets);
        for (const put of batch) {
          put.data.forEach((datum, index) => {
            const { metric, seriesId } = turn.catalog.resolve(put.scope, put.keyed[index] as KeyedMetric, datum.unit, created);
            turn.rows.add(seriesId, datum);
            if (datum.timestamp > metric.pendingTimestamp) {
              metric.pendingTimestamp = datum.timestamp;
              touched.add(metric);
            }
          });
        }
        turn.rows.finish();
      });
      if (created.length > 0) {
        const series = await turn.connection.createAppender('metric_series');
        appendAll([series], () => {
          for (const { metric, unit, seriesId } of created) appendSeries(series, metric, unit, seriesId);
        });
      }
    });
  } catch (error) {
    for (const metric of touched) metric.pendingTimestamp = metric.lastTimestamp;
    turn.catalog.discard(created);
    throw error;
  }
  for (const metric of touched) metric.lastTimestamp = Math.max(metric.lastTimestamp, metric.pendingTimestamp);
}

/** Runs `fill`, then closes the appenders; on failure drops their buffered rows so nothing lands outside the transaction. */
function appendAll(appenders: readonly DuckDBAppender[], fill: () => void): void {
  try {
    fill();
    for (const appender of appenders) appender.closeSync();
  } catch (error) {
    for (const appender of appenders) appender.clear();
    throw error;
  }
}

function appendSeries(appender: DuckDBAppender, metric: CatalogMetric, unit: string, seriesId: number): void {
  const { identity, scope } = metric;
  appender.appendBigInt(BigInt(seriesId));
  appender.appendVarchar(scope.accountId);
  appender.appendVarchar(scope.region);
  appender.appendVarchar(identity.namespace);
  appender.appendVarchar(identity.metricName);
  appender.appendVarchar(JSON.stringify(identity.dimensions.map((dimension) => [dimension.name, dimension.value])));
  appender.appendVarchar(unit);
  appender.endRow();
}
