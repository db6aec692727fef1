export { createAnthropicProvider } from './anthropic-provider.js';
export type { AnthropicDeps } from './anthropic-provider.js';
export { parseAnthropicOptions } from './anthropic-options.js';
export type { AnthropicOptions } from './anthropic-options.js';
