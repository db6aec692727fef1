/**
 * S3 key layout of Bedrock invocation logging (spec 2.5, 15): `{prefix}/AWSLogs/{account}/BedrockModelInvocationLogs/
 * {region}/{YYYY}/{MM}/{DD}/{HH}/` holds the record files, and `data/` below it the large bodies. Hours are UTC.
 */

export const PERMISSION_CHECK_KEY = 'amazon-bedrock-logs-permission-check';

/**
 * `{prefix}/{rest}`, or `{rest}` without a prefix. A trailing `/` on the prefix is not doubled
 * [unconfirmed: AWS may keep it literally].
 */
export function withPrefix(prefix: string | undefined, rest: string): string {
  const trimmed = (prefix ?? '').replace(/\/+$/, '');
  return trimmed === '' ? rest : `${trimmed}/${rest}`;
}

export interface HourPartition {
  readonly prefix: string | undefined;
  readonly accountId: string;
  readonly region: string;
  /** Epoch ms; its UTC hour names the partition. */
  readonly time: number;
}

export function hourFolder(partition: HourPartition): string {
  const d = new Date(partition.time);
  const hour = `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${pad(d.getUTCHours())}`;
  return withPrefix(partition.prefix, `AWSLogs/${partition.accountId}/BedrockModelInvocationLogs/${partition.region}/${hour}`);
}

/** `.../{HH}/{YYYYMMDD}T{HHMMSSmmm}Z_{16 hex}.json.gz`: one gzip NDJSON object per delivered batch. */
export function recordFileKey(partition: HourPartition, hex16: string): string {
  const iso = new Date(partition.time).toISOString(); // 2025-03-11T00:38:02.123Z
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}${iso.slice(20, 23)}Z`;
  return `${hourFolder(partition)}/${stamp}_${hex16}.json.gz`;
}

/** `.../{HH}/data/{uuid}_input.json.gz` or `_output.json.gz`: one large or binary body, gzipped. */
export function largeDataKey(partition: HourPartition, uuid: string, which: 'input' | 'output'): string {
  return `${hourFolder(partition)}/data/${uuid}_${which}.json.gz`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
