import { ServiceError, type Operation } from '../../../../kernel/index.js';
import type { GetFoundationModelRequest } from '../../../../models/bedrock/index.js';
import type { ModelCatalog } from '../../model-catalog.js';
import { parseControlInput } from '../control-input.js';
import { foundationModelView } from '../foundation-model-view.js';

const FOUNDATION_MODEL_ARN = /^arn:aws(?:-[a-z-]+)?:bedrock:[a-z0-9-]{1,20}::foundation-model\/(.+)$/;

/**
 * `GET /foundation-models/{modelIdentifier}`: a model id or foundation-model ARN. A malformed identifier fails the
 * model's pattern (ValidationException); a well-formed one that is not configured is ResourceNotFoundException.
 */
export function getFoundationModel(deps: { readonly catalog: ModelCatalog }): Operation {
  return async (raw, ctx) => {
    const input = parseControlInput<GetFoundationModelRequest>('GetFoundationModel', raw);
    const id = FOUNDATION_MODEL_ARN.exec(input.modelIdentifier)?.[1] ?? input.modelIdentifier;
    const model = deps.catalog.list().find((m) => m.modelId === id);
    // [unconfirmed] message text.
    if (model === undefined) throw new ServiceError('ResourceNotFoundException', `The model ${input.modelIdentifier} does not exist.`, { httpStatus: 404 });
    return { modelDetails: foundationModelView(model, ctx.caller.region) };
  };
}
