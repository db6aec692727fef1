export { createOpenAiCompatibleProvider } from './openai-compatible-provider.js';
export type { OpenAiCompatibleDeps } from './openai-compatible-provider.js';
export { parseOpenAiCompatibleOptions } from './openai-compatible-options.js';
export type { OpenAiCompatibleOptions } from './openai-compatible-options.js';
