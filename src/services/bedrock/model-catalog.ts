import type { ModelProvider } from '../../providers/model-provider.js';

/**
 * The models this gateway serves, as the runtime and the control plane see them. The server builds it from the
 * config file's model map (src/server/model-registry.ts); services only look models up.
 */
export interface ModelCatalog {
  /** Resolves a foundation-model id, an inference-profile id (`us.anthropic...`) or either one's ARN. */
  resolve(modelId: string): CatalogModel | undefined;
  /** Every configured model, in configuration order. */
  list(): readonly CatalogModel[];
}

export type ModelModality = 'TEXT' | 'IMAGE' | 'EMBEDDING';

/** How InvokeModel bodies for this model are written (spec 3.7). */
export type BodyFormatName = 'anthropic-messages' | 'titan-text' | 'titan-embed-v1' | 'titan-embed-v2' | 'titan-image' | 'none';

export interface CatalogModel {
  /** The foundation-model id the catalog files it under, e.g. `anthropic.claude-3-5-haiku-20241022-v1:0`. */
  readonly modelId: string;
  readonly provider: ModelProvider;
  /** The model name the backend knows. */
  readonly upstreamModel: string;
  readonly quotas?: ModelQuotas;
  readonly bodyFormat: BodyFormatName;
  readonly info: FoundationModelInfo;
}

export interface ModelQuotas {
  readonly requestsPerMinute?: number;
  readonly tokensPerMinute?: number;
}

/** What ListFoundationModels/GetFoundationModel report. */
export interface FoundationModelInfo {
  readonly modelName: string;
  readonly providerName: string;
  readonly inputModalities: readonly ModelModality[];
  readonly outputModalities: readonly ModelModality[];
  readonly responseStreamingSupported: boolean;
  readonly legacy: boolean;
}

/** Cross-region inference-profile prefixes: `us.anthropic.claude...` serves `anthropic.claude...`. */
const PROFILE_PREFIX = /^(us|eu|apac|us-gov|global|ca|jp|au)\.(.+)$/;
const MODEL_ARN = /^arn:aws(?:-[a-z-]+)?:bedrock:[a-z0-9-]*:(?:\d{12})?:(foundation-model|inference-profile|application-inference-profile)\/(.+)$/;

/** The catalog keys a requested model id may name, most specific first. */
export function modelIdCandidates(requested: string): string[] {
  const arn = MODEL_ARN.exec(requested);
  const id = arn === null ? requested : (arn[2] ?? '');
  const profile = PROFILE_PREFIX.exec(id);
  return profile === null ? [id] : [id, profile[2] ?? ''];
}

/** A catalog over a fixed list: a model is found under its id, an inference-profile id of it, or an ARN of either. */
export function createModelCatalog(models: readonly CatalogModel[]): ModelCatalog {
  const byId = new Map(models.map((m) => [m.modelId, m]));
  return {
    resolve: (modelId) => modelIdCandidates(modelId).map((id) => byId.get(id)).find((m) => m !== undefined),
    list: () => models,
  };
}
