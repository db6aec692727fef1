import type { Operation } from '../../../kernel/index.js';
import type { DeleteModelInvocationLoggingConfigurationResponse } from '../../../models/bedrock/index.js';
import type { LoggingConfigDeps } from '../logging/logging-config-deps.js';

/** DELETE /logging/modelinvocations: logging stops; succeeds when nothing was configured, as AWS does. */
export function deleteModelInvocationLoggingConfiguration(deps: Pick<LoggingConfigDeps, 'configs'>): Operation<unknown, DeleteModelInvocationLoggingConfigurationResponse> {
  return async (_raw, ctx) => {
    await deps.configs.deleteLoggingConfig({ accountId: ctx.caller.accountId, region: ctx.caller.region });
    return {};
  };
}
