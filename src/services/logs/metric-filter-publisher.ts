import type { LogStore, MetricFilterRecord, NewMetricDatum, Scope } from '../../storage/index.js';
import { MAX_METRIC_FILTERS_PER_GROUP } from './metric-filter-rules.js';
import { metricFilterDatums, type AppendedEvent } from './metric-filter-datums.js';

/** Where metric-filter datapoints go: the CloudWatch metric store, wired by the server. */
export type PublishMetrics = (scope: Scope, data: readonly NewMetricDatum[]) => Promise<void>;

export interface MetricFilterPublisherOptions {
  readonly store: LogStore;
  readonly publish: PublishMetrics;
  readonly logError: (message: string, error: unknown) => void;
}

/**
 * The append-side entry point of metric filters: every write path that appends events to a log group
 * (PutLogEvents, Bedrock invocation records) calls `afterAppend` once the append is durable.
 */
export interface MetricFilterPublisher {
  /** Starts publishing the batch's datapoints and returns at once; the work is tracked until `drain`. */
  afterAppend(scope: Scope, logGroupName: string, events: readonly AppendedEvent[]): void;
  /** Resolves when every started publication has been stored (graceful shutdown, tests). */
  drain(): Promise<void>;
  /** Publications started and not yet stored: a queue depth for the server's health metrics. */
  pendingCount(): number;
}

/** Every metric filter of the group (the query the store caches per group). */
export function groupMetricFilters(store: LogStore, scope: Scope, logGroupName: string): Promise<readonly MetricFilterRecord[]> {
  return store.listMetricFilters(scope, { logGroupName, limit: MAX_METRIC_FILTERS_PER_GROUP });
}

/** How many filter-minutes the publisher remembers as having got a value, so a minute gets one default at most. */
const LEDGER_LIMIT = 100_000;

/**
 * Publishes off the caller's critical path: the caller's response does not wait for the metric store, but every
 * publication is tracked so a graceful shutdown drains them before the store closes. The per-minute default value
 * is published when a batch brings events for a minute in which none matched and no earlier batch of that minute
 * matched or published the default; a match arriving after the default was published for its minute still adds
 * its value (AWS decides per closed minute; ModelWatch decides per batch) [unconfirmed].
 */
export function createMetricFilterPublisher(options: MetricFilterPublisherOptions): MetricFilterPublisher {
  const pending = new Set<Promise<void>>();
  /** The last publication per log group: a group's batches publish in append order, so the ledger sees them in order. */
  const tails = new Map<string, Promise<void>>();
  const ledger = new Set<string>();
  const remember = (key: string): void => {
    if (ledger.size >= LEDGER_LIMIT) ledger.clear();
    ledger.add(key);
  };

  const publishBatch = async (scope: Scope, logGroupName: string, events: readonly AppendedEvent[]): Promise<void> => {
    const filters = await groupMetricFilters(options.store, scope, logGroupName);
    if (filters.length === 0) return;
    const outcome = metricFilterDatums(scope, filters, events);
    const ledgerKey = (key: string): string => `${scope.accountId}\u0000${scope.region}\u0000${key}`;
    for (const key of outcome.matchedKeys) remember(ledgerKey(key));
    const data = [...outcome.datums];
    for (const candidate of outcome.defaults) {
      if (ledger.has(ledgerKey(candidate.key))) continue;
      remember(ledgerKey(candidate.key));
      data.push(candidate.datum);
    }
    if (data.length > 0) await options.publish(scope, data);
  };

  return {
    afterAppend(scope, logGroupName, events) {
      if (events.length === 0) return;
      const groupKey = `${scope.accountId}\u0000${scope.region}\u0000${logGroupName}`;
      const previous = tails.get(groupKey) ?? Promise.resolve();
      const work = previous.then(() => publishBatch(scope, logGroupName, events)).catch((error: unknown) => {
        options.logError(`metric filters of ${logGroupName} failed to publish`, error);
      });
      tails.set(groupKey, work);
      pending.add(work);
      void work.finally(() => {
        pending.delete(work);
        if (tails.get(groupKey) === work) tails.delete(groupKey);
      });
    },
    async drain() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    pendingCount: () => pending.size,
  };
}
