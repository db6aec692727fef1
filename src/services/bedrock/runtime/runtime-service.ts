import type { Operation, ServiceDefinition } from '../../../kernel/index.js';
import type { BedrockRuntimeOperationName } from '../../../models/bedrock-runtime/index.js';
import { converse } from './operations/converse.js';
import { converseStream } from './operations/converse-stream.js';
import { countTokens } from './operations/count-tokens.js';
import { invokeModel } from './operations/invoke-model.js';
import { invokeModelWithResponseStream } from './operations/invoke-model-with-response-stream.js';
import { createQuotaLimiter } from './quota-limiter.js';
import type { BedrockRuntimeDeps, RuntimeContext } from './runtime-deps.js';

/**
 * Amazon Bedrock Runtime (restJson1 + event streams, signing name `bedrock`, paths `/model/...`). Operations not
 * listed here (async invoke, guardrails) are left out, so the protocol answers them as unknown.
 */
export function createBedrockRuntimeService(deps: BedrockRuntimeDeps): ServiceDefinition {
  const rt: RuntimeContext = { catalog: deps.catalog, sink: deps.sink, quotas: deps.quotas ?? createQuotaLimiter() };
  const operations: Record<BedrockRuntimeOperationName, Operation> = {
    Converse: converse(rt),
    ConverseStream: converseStream(rt),
    CountTokens: countTokens(rt),
    InvokeModel: invokeModel(rt),
    InvokeModelWithResponseStream: invokeModelWithResponseStream(rt),
  };
  return { signingName: 'bedrock', operations: new Map(Object.entries(operations)) };
}
