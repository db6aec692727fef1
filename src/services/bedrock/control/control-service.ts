import type { Operation, ServiceDefinition } from '../../../kernel/index.js';
import type { BedrockOperationName } from '../../../models/bedrock/index.js';
import type { ModelCatalog } from '../model-catalog.js';
import { getFoundationModel } from './operations/get-foundation-model.js';
import { listFoundationModels } from './operations/list-foundation-models.js';

export interface BedrockControlDeps {
  readonly catalog: ModelCatalog;
  /**
   * More control-plane operations by AWS name, merged into the map: the invocation-logging configuration
   * operations (`/logging/modelinvocations`) arrive this way from their own module.
   */
  readonly operations?: Partial<Readonly<Record<BedrockOperationName, Operation>>>;
}

/** Amazon Bedrock's control plane (restJson1, signing name `bedrock`): the foundation-model catalog operations. */
export function createBedrockControlService(deps: BedrockControlDeps): ServiceDefinition {
  const operations: Partial<Record<BedrockOperationName, Operation>> = {
    ListFoundationModels: listFoundationModels(deps),
    GetFoundationModel: getFoundationModel(deps),
    ...deps.operations,
  };
  return { signingName: 'bedrock', operations: new Map(Object.entries(operations) as [string, Operation][]) };
}
