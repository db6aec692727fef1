export { createBedrockControlService } from './control/control-service.js';
export type { BedrockControlDeps } from './control/control-service.js';
export { createBedrockRuntimeService } from './runtime/runtime-service.js';
export type { BedrockRuntimeDeps } from './runtime/runtime-deps.js';
export { createQuotaLimiter } from './runtime/quota-limiter.js';
export type { QuotaLimiter } from './runtime/quota-limiter.js';
export { createModelCatalog, modelIdCandidates } from './model-catalog.js';
export type { BodyFormatName, CatalogModel, FoundationModelInfo, ModelCatalog, ModelModality, ModelQuotas } from './model-catalog.js';
export type {
  InvocationBody,
  InvocationModality,
  InvocationOutcome,
  InvocationSink,
  InvocationUsage,
  RuntimeOperation,
} from './invocation-outcome.js';
