export { createBedrockProvider } from './bedrock-provider.js';
export type { BedrockDeps } from './bedrock-provider.js';
export { parseBedrockOptions } from './bedrock-options.js';
export type { BedrockOptions, UpstreamCredentials } from './bedrock-options.js';
