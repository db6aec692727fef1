import type { Operation } from '../../../kernel/index.js';
import type { GetModelInvocationLoggingConfigurationResponse } from '../../../models/bedrock/index.js';
import type { LoggingConfigDeps } from '../logging/logging-config-deps.js';

/** GET /logging/modelinvocations: the configuration, or `{}` when logging is off [unconfirmed: AWS's empty form]. */
export function getModelInvocationLoggingConfiguration(deps: Pick<LoggingConfigDeps, 'configs'>): Operation<unknown, GetModelInvocationLoggingConfigurationResponse> {
  return async (_raw, ctx) => {
    const config = await deps.configs.getLoggingConfig({ accountId: ctx.caller.accountId, region: ctx.caller.region });
    return config === undefined ? {} : { loggingConfig: config };
  };
}
