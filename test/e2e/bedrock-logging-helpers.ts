import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { GetLogEventsCommand, type CloudWatchLogsClient, type OutputLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';

/*
 * The e2e tests' own picture of a Bedrock `ModelInvocationLog` record, written from the spec (sections 2.2-2.5) and
 * from what a call returned, never from the server's record builder: a record the server writes must equal it byte
 * for byte.
 */
export const INVOCATION_STREAM = 'aws/bedrock/modelinvocations';

export interface ExpectedBody {
  readonly contentType?: string;
  /** The body JSON (`*BodyJson`), or an `s3://` path (`*BodyS3Path`), or neither when the body is left out. */
  readonly json?: unknown;
  readonly s3Path?: string;
}

export interface ExpectedRecord {
  readonly timestamp: string;
  readonly accountId: string;
  readonly arn: string;
  readonly region: string;
  readonly requestId: string;
  readonly operation: string;
  readonly modelId: string;
  readonly input: ExpectedBody;
  readonly output?: ExpectedBody;
  /** Token counts as the response reported them; absent when the model reported none. */
  readonly usage?: { readonly inputTokens: number; readonly outputTokens: number; readonly cacheRead?: number; readonly cacheWrite?: number };
  readonly errorCode?: string;
  readonly requestMetadata?: Readonly<Record<string, string>>;
}

/** The record line in the member order of spec 2.2 (the order AWS writes them). */
export function expectedRecordLine(r: ExpectedRecord): string {
  const body = (b: ExpectedBody, which: 'input' | 'output'): Record<string, unknown> => ({
    [`${which}ContentType`]: b.contentType ?? 'application/json',
    ...(b.json === undefined ? {} : { [`${which}BodyJson`]: b.json }),
    ...(b.s3Path === undefined ? {} : { [`${which}BodyS3Path`]: b.s3Path }),
  });
  const input = {
    ...body(r.input, 'input'),
    // The cache counts are 0 when the prompt cache was not used (spec 2.2).
    ...(r.usage === undefined ? {} : { inputTokenCount: r.usage.inputTokens, cacheReadInputTokenCount: r.usage.cacheRead ?? 0, cacheWriteInputTokenCount: r.usage.cacheWrite ?? 0 }),
  };
  const output = r.output === undefined ? undefined : { ...body(r.output, 'output'), ...(r.usage === undefined ? {} : { outputTokenCount: r.usage.outputTokens }) };
  return JSON.stringify({
    schemaType: 'ModelInvocationLog',
    schemaVersion: '1.0',
    timestamp: r.timestamp,
    accountId: r.accountId,
    identity: { arn: r.arn },
    region: r.region,
    requestId: r.requestId,
    operation: r.operation,
    modelId: r.modelId,
    input,
    ...(output === undefined ? {} : { output }),
    ...(r.errorCode === undefined ? {} : { errorCode: r.errorCode }),
    ...(r.requestMetadata === undefined ? {} : { requestMetadata: r.requestMetadata }),
  });
}

/** `2025-03-11T00:38:02Z`: the record's timestamp for an invocation that arrived at `ms`. */
export function isoSecond(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/** Polls until `probe` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** All events of the invocation stream, oldest first (empty while the stream does not exist). */
export async function invocationEvents(logs: CloudWatchLogsClient, logGroupName: string): Promise<OutputLogEvent[]> {
  try {
    const page = await logs.send(new GetLogEventsCommand({ logGroupName, logStreamName: INVOCATION_STREAM, startFromHead: true }));
    return page.events ?? [];
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') return [];
    throw error;
  }
}

/** Waits for the invocation stream to hold an event whose record has `requestId`. */
export async function eventFor(logs: CloudWatchLogsClient, logGroupName: string, requestId: string | undefined): Promise<OutputLogEvent> {
  assert.ok(requestId, 'the response carries x-amzn-RequestId');
  return eventually(`the record of ${requestId} in ${logGroupName}`, async () =>
    (await invocationEvents(logs, logGroupName)).find((e) => e.message?.includes(`"requestId":"${requestId}"`)));
}

export async function listKeys(s3: S3Client, bucket: string, prefix = ''): Promise<string[]> {
  const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (page.Contents ?? []).map((o) => o.Key ?? '');
}

export async function getBytes(s3: S3Client, bucket: string, key: string): Promise<Buffer> {
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from(await (object.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
}

/** Every NDJSON line of every record file (`*.json.gz` outside `data/`) in the bucket, with its key. */
export async function s3RecordLines(s3: S3Client, bucket: string): Promise<Array<{ key: string; line: string }>> {
  const keys = (await listKeys(s3, bucket)).filter((k) => k.endsWith('.json.gz') && !k.includes('/data/'));
  const lines: Array<{ key: string; line: string }> = [];
  for (const key of keys) {
    const text = gunzipSync(await getBytes(s3, bucket, key)).toString('utf8');
    assert.ok(text.endsWith('\n'), `${key} is NDJSON (each line ends with a newline)`);
    for (const line of text.slice(0, -1).split('\n')) lines.push({ key, line });
  }
  return lines;
}

/** Waits for an S3 record line for `requestId`. */
export async function s3LineFor(s3: S3Client, bucket: string, requestId: string | undefined): Promise<{ key: string; line: string }> {
  assert.ok(requestId, 'the response carries x-amzn-RequestId');
  return eventually(`the S3 record of ${requestId} in ${bucket}`, async () =>
    (await s3RecordLines(s3, bucket)).find((l) => l.line.includes(`"requestId":"${requestId}"`)));
}

/** `[prefix/]AWSLogs/<acct>/BedrockModelInvocationLogs/<region>/YYYY/MM/DD/HH/` for an invocation at `ms`. */
export function hourFolder(options: { prefix?: string; accountId: string; region: string; ms: number }): string {
  const iso = new Date(options.ms).toISOString();
  const [date, time] = [iso.slice(0, 10).replaceAll('-', '/'), iso.slice(11, 13)];
  return `${options.prefix === undefined ? '' : `${options.prefix}/`}AWSLogs/${options.accountId}/BedrockModelInvocationLogs/${options.region}/${date}/${time}/`;
}
