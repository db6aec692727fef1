import type { ModelEntryConfig } from './model-config.js';

/**
 * The catalog `npm start` serves with no model map configured: a few real Bedrock model ids answered by the
 * built-in simulator, so every runtime operation and body format works out of the box.
 */
export const DEFAULT_MODELS: readonly ModelEntryConfig[] = [
  { modelId: 'anthropic.claude-3-haiku-20240307-v1:0', provider: 'simulator', modelName: 'Claude 3 Haiku' },
  { modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0', provider: 'simulator', modelName: 'Claude 3.5 Haiku' },
  { modelId: 'anthropic.claude-3-5-sonnet-20241022-v2:0', provider: 'simulator', modelName: 'Claude 3.5 Sonnet v2' },
  { modelId: 'anthropic.claude-v2:1', provider: 'simulator', modelName: 'Claude' },
  { modelId: 'amazon.titan-text-express-v1', provider: 'simulator', modelName: 'Titan Text G1 - Express' },
  { modelId: 'amazon.titan-embed-text-v1', provider: 'simulator', modelName: 'Titan Embeddings G1 - Text' },
  { modelId: 'amazon.titan-embed-text-v2:0', provider: 'simulator', modelName: 'Titan Text Embeddings V2' },
  { modelId: 'amazon.titan-image-generator-v2:0', provider: 'simulator', modelName: 'Titan Image Generator G1 v2' },
];
