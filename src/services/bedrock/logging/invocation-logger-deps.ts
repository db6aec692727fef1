import type { Clock } from '../../../kernel/index.js';
import type { BedrockConfigStore, DeliverySpool, MetricStore } from '../../../storage/index.js';
import type { LogGroupSink, LogObjectStore } from './log-destinations.js';

export interface InvocationLoggerOptions {
  /** An S3 record object is written once its NDJSON reaches this size... (default 5 MiB) */
  readonly s3BatchMaxBytes: number;
  /** ...or once it is this old (default 60 s). */
  readonly s3BatchMaxAgeMs: number;
  /** How often aged S3 batches and pending metrics are written (default 1 s). */
  readonly tickMs: number;
  /** Outcomes held in memory awaiting delivery; beyond it new ones are dropped loudly (default 10,000). */
  readonly maxQueue: number;
  /** Waits between delivery attempts (default [200, 1000]: three attempts). */
  readonly retryDelaysMs: readonly number[];
}

export interface InvocationLoggerDeps {
  readonly configs: Pick<BedrockConfigStore, 'getLoggingConfig'>;
  readonly logs: Pick<LogGroupSink, 'appendLogEvents'>;
  readonly objects: Pick<LogObjectStore, 'putObject' | 'bucketOf'>;
  readonly metrics: Pick<MetricStore, 'putMetricData'>;
  readonly spool: DeliverySpool;
  readonly clock: Clock;
  readonly logError: (message: string, error: unknown) => void;
  /** Names of data objects and record files; random unless a test fixes them. */
  readonly ids?: { uuid(): string; hex16(): string };
  /** How retries wait; tests pass one that does not. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly options?: Partial<InvocationLoggerOptions>;
}
