import type { Scope } from '../../../storage/index.js';

/**
 * What invocation logging needs from the other services, as small ports the server wires at start: the logs
 * service (does a group exist, append events) and the S3 service's object store. Keeping them here lets the
 * logging code be tested with in-memory fakes and keeps bedrock from depending on another service's internals.
 */

/** A bucket as the S3 service reports it. */
export interface LogBucket {
  readonly name: string;
  readonly accountId: string;
  readonly region: string;
  readonly createdAt: number;
}

export interface LogObject {
  readonly bucket: string;
  readonly key: string;
  readonly body: Uint8Array;
  readonly contentType?: string;
  readonly contentEncoding?: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

export interface LogObjectStore {
  bucketOf(name: string): Promise<LogBucket | undefined>;
  /** Rejects when the bucket no longer exists or the write failed. */
  putObject(object: LogObject): Promise<void>;
}

export interface LogEventInput {
  readonly timestamp: number;
  readonly message: string;
}

/** `no-group` when the group was deleted since the configuration was put (the stream is created when missing). */
export type AppendLogEventsOutcome = 'appended' | 'no-group';

export interface LogGroupSink {
  logGroupExists(scope: Scope, logGroupName: string): Promise<boolean>;
  appendLogEvents(scope: Scope, logGroupName: string, logStreamName: string, events: readonly LogEventInput[]): Promise<AppendLogEventsOutcome>;
}
