import type { Operation } from '../../../kernel/index.js';
import { deleteModelInvocationLoggingConfiguration } from '../operations/delete-model-invocation-logging-configuration.js';
import { getModelInvocationLoggingConfiguration } from '../operations/get-model-invocation-logging-configuration.js';
import { putModelInvocationLoggingConfiguration } from '../operations/put-model-invocation-logging-configuration.js';
import type { LoggingConfigDeps } from './logging-config-deps.js';

/** The logging-configuration operations by AWS name, to merge into the Bedrock control-plane service. */
export function loggingOperations(deps: LoggingConfigDeps): ReadonlyMap<string, Operation> {
  return new Map<string, Operation>([
    ['PutModelInvocationLoggingConfiguration', putModelInvocationLoggingConfiguration(deps)],
    ['GetModelInvocationLoggingConfiguration', getModelInvocationLoggingConfiguration(deps)],
    ['DeleteModelInvocationLoggingConfiguration', deleteModelInvocationLoggingConfiguration(deps)],
  ]);
}
