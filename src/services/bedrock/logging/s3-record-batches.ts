import type { Scope, StoredS3Config } from '../../../storage/index.js';

/** Defaults chosen to resemble AWS's delivery (records land within minutes, objects are not tiny) [unconfirmed]. */
export const DEFAULT_S3_BATCH_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_S3_BATCH_MAX_AGE_MS = 60_000;

export interface S3RecordBatch {
  readonly scope: Scope;
  readonly destination: StoredS3Config;
  /** Invocation time of the first record: names the object and its hour partition. */
  readonly firstTime: number;
  /** When the batch was opened, by the logger's clock: its age decides when it is written. */
  readonly openedAt: number;
  readonly lines: string[];
  readonly seqs: number[];
  bytes: number;
}

/**
 * Records waiting for the S3 destination, one open batch per account, region, bucket, prefix and UTC hour (an
 * object lives in one hour folder). A batch is due when it reaches `maxBytes` of NDJSON or `maxAgeMs` of age.
 */
export class S3RecordBatches {
  private readonly open = new Map<string, S3RecordBatch>();

  constructor(private readonly limits: { readonly maxBytes: number; readonly maxAgeMs: number }) {}

  /** Adds one record line; returns the batch if it is now full (it is removed and must be written). */
  add(entry: { scope: Scope; destination: StoredS3Config; time: number; line: string; seq: number; now: number }): S3RecordBatch | undefined {
    const hour = Math.floor(entry.time / 3_600_000);
    const key = [entry.scope.accountId, entry.scope.region, entry.destination.bucketName, entry.destination.keyPrefix ?? '', hour].join('\u0000');
    let batch = this.open.get(key);
    if (batch === undefined) {
      batch = { scope: entry.scope, destination: entry.destination, firstTime: entry.time, openedAt: entry.now, lines: [], seqs: [], bytes: 0 };
      this.open.set(key, batch);
    }
    batch.lines.push(entry.line);
    batch.seqs.push(entry.seq);
    batch.bytes += Buffer.byteLength(entry.line) + 1;
    if (batch.bytes < this.limits.maxBytes) return undefined;
    this.open.delete(key);
    return batch;
  }

  /** Removes and returns the batches old enough to write (all of them when `all`). */
  takeDue(now: number, all = false): S3RecordBatch[] {
    const due: S3RecordBatch[] = [];
    for (const [key, batch] of this.open) {
      if (all || now - batch.openedAt >= this.limits.maxAgeMs) {
        due.push(batch);
        this.open.delete(key);
      }
    }
    return due;
  }

  get size(): number {
    return this.open.size;
  }
}
