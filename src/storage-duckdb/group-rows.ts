import type { LogGroupClass, LogGroupRecord, Scope } from '../storage/index.js';
import type { SqlRunner } from './sql-runner.js';
import { SqlParams, bool, num, optionalNum, optionalStr, str, type SqlRow } from './sql-values.js';

/** The columns `groupRecord` reads, metric-filter count included. */
export const GROUP_COLUMNS = `g.name, g.creation_time, g.retention_in_days, g.kms_key_id, g.log_group_class,
  g.deletion_protection, g.tags, g.stored_bytes,
  (SELECT count(*) FROM metric_filters m WHERE m.group_id = g.group_id) AS metric_filter_count`;

export function groupRecord(row: SqlRow): LogGroupRecord {
  const retentionInDays = optionalNum(row, 'retention_in_days');
  const kmsKeyId = optionalStr(row, 'kms_key_id');
  return {
    logGroupName: str(row, 'name'),
    creationTime: num(row, 'creation_time'),
    ...(retentionInDays === undefined ? {} : { retentionInDays }),
    ...(kmsKeyId === undefined ? {} : { kmsKeyId }),
    logGroupClass: logGroupClass(str(row, 'log_group_class')),
    deletionProtectionEnabled: bool(row, 'deletion_protection'),
    tags: parseTags(str(row, 'tags')),
    storedBytes: num(row, 'stored_bytes'),
    metricFilterCount: num(row, 'metric_filter_count'),
  };
}

export async function readGroup(db: SqlRunner, scope: Scope, logGroupName: string): Promise<LogGroupRecord | undefined> {
  const p = new SqlParams();
  const rows = await db.rows(
    `SELECT ${GROUP_COLUMNS} FROM log_groups g
     WHERE g.account_id = ${p.text(scope.accountId)} AND g.region = ${p.text(scope.region)} AND g.name = ${p.text(logGroupName)}`,
    p,
  );
  return rows[0] === undefined ? undefined : groupRecord(rows[0]);
}

export function parseTags(json: string): Record<string, string> {
  const parsed: unknown = JSON.parse(json);
  const tags: Record<string, string> = {};
  if (typeof parsed === 'object' && parsed !== null) {
    for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string') tags[key] = value;
  }
  return tags;
}

function logGroupClass(value: string): LogGroupClass {
  if (value === 'STANDARD' || value === 'INFREQUENT_ACCESS' || value === 'DELIVERY') return value;
  throw new TypeError(`unknown log group class ${value}`);
}
