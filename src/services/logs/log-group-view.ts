import { logGroupArn, logGroupWildcardArn } from '../../kernel/index.js';
import type { LogGroup } from '../../models/logs/index.js';
import type { LogGroupRecord, Scope } from '../../storage/index.js';

/** A log group as DescribeLogGroups reports it: `arn` with the IAM `:*`, `logGroupArn` without. */
export function toLogGroup(record: LogGroupRecord, scope: Scope): LogGroup {
  return {
    logGroupName: record.logGroupName,
    creationTime: record.creationTime,
    ...(record.retentionInDays === undefined ? {} : { retentionInDays: record.retentionInDays }),
    metricFilterCount: record.metricFilterCount,
    arn: logGroupWildcardArn(scope.region, scope.accountId, record.logGroupName),
    storedBytes: record.storedBytes,
    ...(record.kmsKeyId === undefined ? {} : { kmsKeyId: record.kmsKeyId }),
    logGroupClass: record.logGroupClass,
    logGroupArn: logGroupArn(scope.region, scope.accountId, record.logGroupName),
    deletionProtectionEnabled: record.deletionProtectionEnabled,
  };
}

/**
 * The reduced view AWS answers a `logGroupNamePattern` search with (observed in 2026: no storedBytes, retention, KMS
 * key or deletion protection).
 */
export function toPatternLogGroup(record: LogGroupRecord, scope: Scope): LogGroup {
  return {
    logGroupName: record.logGroupName,
    creationTime: record.creationTime,
    metricFilterCount: record.metricFilterCount,
    arn: logGroupWildcardArn(scope.region, scope.accountId, record.logGroupName),
    logGroupClass: record.logGroupClass,
    logGroupArn: logGroupArn(scope.region, scope.accountId, record.logGroupName),
  };
}
