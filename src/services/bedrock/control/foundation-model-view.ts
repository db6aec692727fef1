import type { FoundationModelSummary } from '../../../models/bedrock/index.js';
import type { CatalogModel } from '../model-catalog.js';

/** A configured model as ListFoundationModels and GetFoundationModel describe it. */
export function foundationModelView(model: CatalogModel, region: string): FoundationModelSummary {
  const { info } = model;
  return {
    modelArn: `arn:aws:bedrock:${region}::foundation-model/${model.modelId}`,
    modelId: model.modelId,
    modelName: info.modelName,
    providerName: info.providerName,
    inputModalities: info.inputModalities,
    outputModalities: info.outputModalities,
    responseStreamingSupported: info.responseStreamingSupported,
    customizationsSupported: [],
    inferenceTypesSupported: ['ON_DEMAND'],
    modelLifecycle: { status: info.legacy ? 'LEGACY' : 'ACTIVE' },
  };
}
