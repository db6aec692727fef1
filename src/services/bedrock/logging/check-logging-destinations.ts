import { parseArn } from '../../../kernel/index.js';
import type { LoggingConfig, S3Config } from '../../../models/bedrock/index.js';
import type { Scope } from '../../../storage/index.js';
import type { LogGroupSink, LogObjectStore } from './log-destinations.js';
import { bucketPermissionFailure, logGroupPermissionFailure, noDestination } from './logging-errors.js';

export interface DestinationCheckDeps {
  readonly logs: Pick<LogGroupSink, 'logGroupExists'>;
  readonly objects: Pick<LogObjectStore, 'bucketOf'>;
}

/**
 * The checks AWS makes before accepting a configuration (spec 1): at least one destination; the CloudWatch
 * destination's group must exist and its role must be one Bedrock could assume for this account; every bucket
 * must exist in the caller's account and region (only same-account, same-region destinations are supported).
 * ModelWatch has no IAM, so "could the role write" reduces to "is the role in this account".
 */
export async function checkLoggingDestinations(config: LoggingConfig, scope: Scope, deps: DestinationCheckDeps): Promise<void> {
  const cloudWatch = config.cloudWatchConfig;
  if (cloudWatch === undefined && config.s3Config === undefined) throw noDestination();
  if (cloudWatch !== undefined) {
    const role = parseArn(cloudWatch.roleArn);
    // [unconfirmed] a role of another account fails the permission check the same way a missing group does.
    const roleAccount = role?.accountId ?? '';
    const sameAccount = roleAccount === '' || roleAccount === scope.accountId;
    if (!sameAccount || !(await deps.logs.logGroupExists(scope, cloudWatch.logGroupName))) {
      throw logGroupPermissionFailure(cloudWatch.logGroupName, cloudWatch.roleArn);
    }
    if (cloudWatch.largeDataDeliveryS3Config !== undefined) await checkBucket(cloudWatch.largeDataDeliveryS3Config, scope, deps);
  }
  if (config.s3Config !== undefined) await checkBucket(config.s3Config, scope, deps);
}

async function checkBucket(s3: S3Config, scope: Scope, deps: DestinationCheckDeps): Promise<void> {
  const bucket = await deps.objects.bucketOf(s3.bucketName);
  if (bucket === undefined || bucket.accountId !== scope.accountId || bucket.region !== scope.region) {
    throw bucketPermissionFailure(s3.bucketName);
  }
}
