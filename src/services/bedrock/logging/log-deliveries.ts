import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import type { Scope, StoredLoggingConfig, StoredS3Config } from '../../../storage/index.js';
import type { InvocationOutcome } from '../invocation-outcome.js';
import { deliverWithRetry, type AttemptResult } from './deliver-with-retry.js';
import type { LogEventInput, LogGroupSink, LogObject, LogObjectStore } from './log-destinations.js';
import { planRecordBodies, type BodyPlacement, type LargeDataUpload } from './plan-record-bodies.js';
import { renderInvocationRecord } from './render-invocation-record.js';
import type { DeliveryChannel } from './runtime-metrics.js';
import type { S3RecordBatch } from './s3-record-batches.js';
import { recordFileKey } from './s3-log-keys.js';

const gzip = promisify(gzipCallback);

/** Bedrock's stream in the configured group (spec 2.5). */
export const INVOCATION_LOG_STREAM = 'aws/bedrock/modelinvocations';
/** [unconfirmed] AWS's Content-Type for the gzip objects it writes. */
export const GZIP_CONTENT_TYPE = 'application/x-gzip';
/** PutLogEvents' batch limit (1,048,576 bytes counting 26 bytes per event), kept so a batch is one AWS-sized append. */
const MAX_APPEND_BYTES = 1_048_576;

export interface DeliveryContext {
  readonly logs: Pick<LogGroupSink, 'appendLogEvents'>;
  readonly objects: Pick<LogObjectStore, 'putObject' | 'bucketOf'>;
  readonly delaysMs: readonly number[];
  readonly sleep: (ms: number) => Promise<void>;
  /** One call per delivery attempt, for the delivery-health metrics. */
  readonly onAttempt: (scope: Scope, channel: DeliveryChannel, ok: boolean) => void;
}

/** One outcome's record lines per configured destination, after its large bodies were written. */
export interface PreparedRecords {
  readonly cloudWatch?: { readonly logGroupName: string; readonly event: LogEventInput };
  readonly s3?: { readonly destination: StoredS3Config; readonly line: string };
}

export async function prepareRecords(ctx: DeliveryContext, outcome: InvocationOutcome, config: StoredLoggingConfig, uuid: string): Promise<PreparedRecords> {
  const scope = { accountId: outcome.caller.accountId, region: outcome.caller.region };
  const recordFor = async (largeData: StoredS3Config | undefined): Promise<{ line: string; shareable: boolean }> => {
    const planned = planRecordBodies({ outcome, config, largeData, uuid });
    const written = await Promise.all(planned.uploads.map((upload) => uploadLargeData(ctx, scope, upload)));
    // A body whose object could not be written is left out rather than pointing at nothing.
    const failed = new Set(planned.uploads.filter((_, i) => written[i] !== true).map((u) => u.which));
    const settle = (placement: BodyPlacement, which: 'input' | 'output'): BodyPlacement => (failed.has(which) ? { kind: 'omitted' } : placement);
    const line = renderInvocationRecord(outcome, { input: settle(planned.input, 'input'), output: settle(planned.output, 'output') });
    // Without large bodies the record does not depend on the destination, so the other one can reuse the line.
    return { line, shareable: planned.uploads.length === 0 && !planned.sizeOmitted };
  };
  const cw = config.cloudWatchConfig;
  const cwRecord = cw === undefined ? undefined : await recordFor(cw.largeDataDeliveryS3Config);
  const s3Line = config.s3Config === undefined ? undefined : cwRecord?.shareable === true ? cwRecord.line : (await recordFor(config.s3Config)).line;
  return {
    ...(cw === undefined || cwRecord === undefined ? {} : { cloudWatch: { logGroupName: cw.logGroupName, event: { timestamp: outcome.startedAt, message: cwRecord.line } } }),
    ...(config.s3Config === undefined || s3Line === undefined ? {} : { s3: { destination: config.s3Config, line: s3Line } }),
  };
}

async function uploadLargeData(ctx: DeliveryContext, scope: Scope, upload: LargeDataUpload): Promise<boolean> {
  const body = new Uint8Array(await gzip(upload.body));
  return deliverWithRetry({
    attempt: () => putUnlessGone(ctx, { bucket: upload.bucket, key: upload.key, body, contentType: GZIP_CONTENT_TYPE }),
    onAttempt: (ok) => ctx.onAttempt(scope, 'LargePayloadsS3', ok),
    delaysMs: ctx.delaysMs,
    sleep: ctx.sleep,
  });
}

/** Appends events (time-ordered, in AWS-sized batches) to the Bedrock stream; false when delivery gave up. */
export async function deliverToCloudWatch(ctx: DeliveryContext, scope: Scope, logGroupName: string, events: readonly LogEventInput[]): Promise<boolean> {
  const sorted = [...events].sort((a, b) => a.timestamp - b.timestamp);
  let allOk = true;
  for (const chunk of chunkBySize(sorted)) {
    const ok = await deliverWithRetry({
      attempt: async () => ((await ctx.logs.appendLogEvents(scope, logGroupName, INVOCATION_LOG_STREAM, chunk)) === 'appended' ? 'ok' : 'permanent'),
      onAttempt: (success) => ctx.onAttempt(scope, 'CloudWatch', success),
      delaysMs: ctx.delaysMs,
      sleep: ctx.sleep,
    });
    allOk &&= ok;
  }
  return allOk;
}

/** Writes one batch as a gzip NDJSON object; false when delivery gave up. */
export async function writeS3Batch(ctx: DeliveryContext, batch: S3RecordBatch, hex16: string): Promise<boolean> {
  const key = recordFileKey({ prefix: batch.destination.keyPrefix, accountId: batch.scope.accountId, region: batch.scope.region, time: batch.firstTime }, hex16);
  const body = new Uint8Array(await gzip(Buffer.from(`${batch.lines.join('\n')}\n`, 'utf8')));
  return deliverWithRetry({
    attempt: () => putUnlessGone(ctx, { bucket: batch.destination.bucketName, key, body, contentType: GZIP_CONTENT_TYPE }),
    onAttempt: (ok) => ctx.onAttempt(batch.scope, 'S3', ok),
    delaysMs: ctx.delaysMs,
    sleep: ctx.sleep,
  });
}

/** A write into a bucket deleted since the configuration was put is `permanent` (not retried); other failures retry. */
async function putUnlessGone(ctx: DeliveryContext, object: LogObject): Promise<AttemptResult> {
  try {
    await ctx.objects.putObject(object);
    return 'ok';
  } catch (error) {
    if ((await ctx.objects.bucketOf(object.bucket)) === undefined) return 'permanent';
    throw error;
  }
}

function chunkBySize(events: readonly LogEventInput[]): LogEventInput[][] {
  const chunks: LogEventInput[][] = [];
  let current: LogEventInput[] = [];
  let bytes = 0;
  for (const event of events) {
    const size = Buffer.byteLength(event.message) + 26;
    if (current.length > 0 && (bytes + size > MAX_APPEND_BYTES || current.length >= 10_000)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(event);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
