import { join } from 'node:path';
import type { Clock, Operation } from '../kernel/index.js';
import { createInvocationLogger, loggingOperations, type InvocationLogger, type InvocationLoggerOptions, type LogObjectStore } from '../services/bedrock/logging/index.js';
import { createLogIngest, type LogIngestDeps } from '../services/logs/index.js';
import { openDeliverySpoolFile } from '../storage-local/delivery-spool-file.js';
import type { Storage, TailPublisher } from '../storage/index.js';

/** The spool folder under the data folder. */
export const DELIVERY_SPOOL_DIR = 'bedrock-delivery-spool';

export interface InvocationLogging {
  /** The gateway's InvocationSink; close it after the listener and before the storage. */
  readonly logger: InvocationLogger;
  /** Put/Get/DeleteModelInvocationLoggingConfiguration, to merge into the Bedrock control-plane service. */
  readonly operations: ReadonlyMap<string, Operation>;
}

/**
 * Wires Bedrock model invocation logging: the configuration operations and the logger share the storage's
 * BedrockConfigStore, write into CloudWatch Logs through the logs service's ingest, into S3 through `objects`
 * (the S3 service's object store), and metrics into the MetricStore; the spool lives in the data folder.
 */
export async function openInvocationLogging(options: {
  readonly storage: Storage;
  readonly dataDir: string;
  readonly clock: Clock;
  readonly objects: LogObjectStore;
  readonly logError: (message: string, error: unknown) => void;
  readonly loggerOptions?: Partial<InvocationLoggerOptions>;
  /** Metric filters apply to invocation records as to any other appended events. */
  readonly afterAppend?: LogIngestDeps['afterAppend'];
  /** The server's LiveTail, so live-tail sessions see the invocation records as they are written. */
  readonly liveTail?: TailPublisher;
}): Promise<InvocationLogging> {
  const { storage, clock, objects, logError, liveTail } = options;
  const logs = createLogIngest({
    store: storage.logs,
    now: () => clock.now(),
    ...(options.afterAppend === undefined ? {} : { afterAppend: options.afterAppend }),
    ...(liveTail === undefined ? {} : { liveTail }),
  });
  const spool = await openDeliverySpoolFile({
    dir: join(options.dataDir, DELIVERY_SPOOL_DIR),
    onError: (error) => logError('writing the Bedrock delivery spool failed (retrying)', error),
  });
  const logger = await createInvocationLogger({
    configs: storage.bedrockConfig,
    logs,
    objects,
    metrics: storage.metrics,
    spool,
    clock,
    logError,
    ...(options.loggerOptions === undefined ? {} : { options: options.loggerOptions }),
  });
  return { logger, operations: loggingOperations({ configs: storage.bedrockConfig, logs, objects }) };
}
