import type { Operation } from '../../../../kernel/index.js';
import type { ListFoundationModelsRequest } from '../../../../models/bedrock/index.js';
import type { ModelCatalog } from '../../model-catalog.js';
import { parseControlInput } from '../control-input.js';
import { foundationModelView } from '../foundation-model-view.js';

/**
 * `GET /foundation-models`: the configured models, filtered. Provider names compare case-insensitively
 * [unconfirmed]; every model is on-demand and none is customisable, so those filters keep all or nothing.
 */
export function listFoundationModels(deps: { readonly catalog: ModelCatalog }): Operation {
  return async (raw, ctx) => {
    const input = parseControlInput<ListFoundationModelsRequest>('ListFoundationModels', raw);
    const provider = input.byProvider?.toLowerCase();
    const models = deps.catalog.list().filter((model) => {
      if (provider !== undefined && model.info.providerName.toLowerCase() !== provider) return false;
      if (input.byOutputModality !== undefined && !model.info.outputModalities.includes(input.byOutputModality)) return false;
      if (input.byInferenceType !== undefined && input.byInferenceType !== 'ON_DEMAND') return false;
      return input.byCustomizationType === undefined;
    });
    return { modelSummaries: models.map((model) => foundationModelView(model, ctx.caller.region)) };
  };
}
