import type { Operation } from '../../../kernel/index.js';
import type { LoggingConfig, PutModelInvocationLoggingConfigurationRequest, PutModelInvocationLoggingConfigurationResponse } from '../../../models/bedrock/index.js';
import { bedrockShapes } from '../../../models/bedrock/index.js';
import { validateInput } from '../../common/index.js';
import { checkLoggingDestinations } from '../logging/check-logging-destinations.js';
import type { LoggingConfigDeps } from '../logging/logging-config-deps.js';
import { bucketPermissionFailure } from '../logging/logging-errors.js';
import { PERMISSION_CHECK_KEY, withPrefix } from '../logging/s3-log-keys.js';

/**
 * PUT /logging/modelinvocations: validates against the model's constraints, checks the destinations as AWS does,
 * writes the zero-byte permission-check marker into the S3 destination (it stays after a Delete, as on AWS), and
 * replaces the account's configuration for this region.
 */
export function putModelInvocationLoggingConfiguration(deps: LoggingConfigDeps): Operation<unknown, PutModelInvocationLoggingConfigurationResponse> {
  return async (raw, ctx) => {
    const input = validateInput<PutModelInvocationLoggingConfigurationRequest>(raw, {
      table: bedrockShapes,
      shapeName: 'PutModelInvocationLoggingConfigurationRequest',
      errorCode: 'ValidationException',
    });
    const scope = { accountId: ctx.caller.accountId, region: ctx.caller.region };
    const config: LoggingConfig = input.loggingConfig;
    await checkLoggingDestinations(config, scope, deps);
    const s3 = config.s3Config;
    if (s3 !== undefined) {
      const key = withPrefix(s3.keyPrefix, PERMISSION_CHECK_KEY);
      try {
        await deps.objects.putObject({ bucket: s3.bucketName, key, body: new Uint8Array(0) });
      } catch (error) {
        throw bucketPermissionFailure(s3.bucketName, error);
      }
    }
    await deps.configs.putLoggingConfig(scope, config);
    return {};
  };
}
