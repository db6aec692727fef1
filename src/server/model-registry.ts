import type { ModelProvider } from '../providers/index.js';
import { createAnthropicProvider, parseAnthropicOptions } from '../providers/anthropic/index.js';
import { createBedrockProvider, parseBedrockOptions } from '../providers/bedrock/index.js';
import { createOpenAiCompatibleProvider, parseOpenAiCompatibleOptions } from '../providers/openai-compatible/index.js';
import { createSimulatorProvider, parseSimulatorOptions } from '../providers/simulator/index.js';
import { createModelCatalog, type CatalogModel, type ModelCatalog } from '../services/bedrock/index.js';
import { ConfigError } from './config-error.js';
import { DEFAULT_MODELS } from './default-models.js';
import type { ModelConfig } from './model-config.js';
import { modelInfoFor } from './model-info.js';

/** One backend kind: its option parser (throws on bad options) and its factory. */
export interface ProviderKind {
  create(rawOptions: Readonly<Record<string, unknown>>): ModelProvider;
}

/** Pairs a kind's parser and factory so the table stays typed end to end. */
export function providerKind<Options>(
  parse: (raw: Readonly<Record<string, unknown>>) => Options,
  create: (options: Options) => ModelProvider,
): ProviderKind {
  return { create: (raw) => create(parse(raw)) };
}

/** Where `{"env": "NAME"}` secrets in provider options are read from: the environment the config was loaded with. */
export type SecretsEnvironment = Readonly<Record<string, string | undefined>>;

/** The backend kinds a config file may name (docs/backends.md); adding a kind is one line here. */
export function providerKinds(env: SecretsEnvironment): Readonly<Record<string, ProviderKind>> {
  return {
    simulator: providerKind(parseSimulatorOptions, (options) => createSimulatorProvider(options)),
    'openai-compatible': providerKind((raw) => parseOpenAiCompatibleOptions(raw, env), (options) => createOpenAiCompatibleProvider(options)),
    anthropic: providerKind((raw) => parseAnthropicOptions(raw, env), (options) => createAnthropicProvider(options)),
    bedrock: providerKind((raw) => parseBedrockOptions(raw, env), (options) => createBedrockProvider(options)),
  };
}

/**
 * Builds the model catalog: one provider instance per configured provider (a `simulator` provider with default
 * options always exists unless the file redefines it), and one catalog entry per model, with the default simulated
 * catalog when the file names no models.
 */
export function buildModelCatalog(config: ModelConfig, kinds: Readonly<Record<string, ProviderKind>>): ModelCatalog {
  const sections = { simulator: { kind: 'simulator', options: { kind: 'simulator' } }, ...config.providers };
  const providers = new Map<string, ModelProvider>();
  for (const [name, section] of Object.entries(sections)) {
    const kind = kinds[section.kind];
    if (kind === undefined) throw new ConfigError(`providers.${name}.kind '${section.kind}' is not one of ${Object.keys(kinds).join(', ')}`);
    try {
      providers.set(name, kind.create(section.options));
    } catch (error) {
      throw new ConfigError(`providers.${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const models: CatalogModel[] = (config.models ?? DEFAULT_MODELS).map((entry) => {
    const provider = providers.get(entry.provider);
    if (provider === undefined) throw new ConfigError(`models.${entry.modelId}.provider '${entry.provider}' is not a configured provider`);
    const { info, format } = modelInfoFor(entry);
    return {
      modelId: entry.modelId,
      provider,
      upstreamModel: entry.upstreamModel ?? entry.modelId,
      bodyFormat: format,
      info,
      ...(entry.quotas === undefined ? {} : { quotas: entry.quotas }),
    };
  });
  return createModelCatalog(models);
}
