import type { BodyFormatName, ModelModality, ModelQuotas } from '../services/bedrock/index.js';
import { ConfigError } from './config-error.js';

/**
 * The config file's `providers` and `models` sections (the shape agreed with the providers work):
 * `{"providers": {"<name>": {"kind": "simulator" | "openai-compatible" | "anthropic" | "bedrock", ...options}},
 *   "models": {"<modelId>": {"provider": "<name>", "upstreamModel": "...", "quotas": {...}, ...}}}`.
 * Kind options are left raw here: each kind's own parser checks them when the registry is built.
 */
export interface ProviderConfig {
  readonly kind: string;
  readonly options: Readonly<Record<string, unknown>>;
}

export interface ModelEntryConfig {
  readonly modelId: string;
  readonly provider: string;
  readonly upstreamModel?: string;
  readonly quotas?: ModelQuotas;
  readonly format?: BodyFormatName;
  readonly modelName?: string;
  readonly providerName?: string;
  readonly inputModalities?: readonly ModelModality[];
  readonly outputModalities?: readonly ModelModality[];
}

export interface ModelConfig {
  readonly providers: Readonly<Record<string, ProviderConfig>>;
  /** Undefined when the file names no models: the default simulated catalog is served. */
  readonly models: readonly ModelEntryConfig[] | undefined;
}

const FORMATS: readonly BodyFormatName[] = ['anthropic-messages', 'titan-text', 'titan-embed-v1', 'titan-embed-v2', 'titan-image', 'none'];
const MODALITIES: readonly ModelModality[] = ['TEXT', 'IMAGE', 'EMBEDDING'];

export function parseModelConfig(file: Readonly<Record<string, unknown>>): ModelConfig {
  const providers: Record<string, ProviderConfig> = {};
  for (const [name, raw] of Object.entries(objectAt(file.providers, 'providers'))) {
    const section = objectAt(raw, `providers.${name}`);
    if (typeof section.kind !== 'string') throw new ConfigError(`providers.${name}.kind must be a string`);
    providers[name] = { kind: section.kind, options: section };
  }
  if (file.models === undefined) return { providers, models: undefined };
  const models = Object.entries(objectAt(file.models, 'models')).map(([modelId, raw]) => parseModel(modelId, objectAt(raw, `models.${modelId}`)));
  return { providers, models };
}

function parseModel(modelId: string, raw: Readonly<Record<string, unknown>>): ModelEntryConfig {
  const where = `models.${modelId}`;
  if (modelId.trim() === '') throw new ConfigError('model ids must not be empty');
  if (typeof raw.provider !== 'string') throw new ConfigError(`${where}.provider must name a provider`);
  const text = (key: string): string | undefined => {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value === '') throw new ConfigError(`${where}.${key} must be a non-empty string`);
    return value;
  };
  const format = text('format');
  if (format !== undefined && !FORMATS.includes(format as BodyFormatName)) throw new ConfigError(`${where}.format must be one of ${FORMATS.join(', ')}`);
  const upstreamModel = text('upstreamModel');
  const modelName = text('modelName');
  const providerName = text('providerName');
  const quotas = parseQuotas(raw.quotas, where);
  const inputModalities = modalities(raw.inputModalities, `${where}.inputModalities`);
  const outputModalities = modalities(raw.outputModalities, `${where}.outputModalities`);
  return {
    modelId,
    provider: raw.provider,
    ...(upstreamModel === undefined ? {} : { upstreamModel }),
    ...(quotas === undefined ? {} : { quotas }),
    ...(format === undefined ? {} : { format: format as BodyFormatName }),
    ...(modelName === undefined ? {} : { modelName }),
    ...(providerName === undefined ? {} : { providerName }),
    ...(inputModalities === undefined ? {} : { inputModalities }),
    ...(outputModalities === undefined ? {} : { outputModalities }),
  };
}

function parseQuotas(raw: unknown, where: string): ModelQuotas | undefined {
  if (raw === undefined) return undefined;
  const section = objectAt(raw, `${where}.quotas`);
  const limit = (key: 'requestsPerMinute' | 'tokensPerMinute'): number | undefined => {
    const value = section[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new ConfigError(`${where}.quotas.${key} must be a whole number >= 0`);
    return value;
  };
  const requestsPerMinute = limit('requestsPerMinute');
  const tokensPerMinute = limit('tokensPerMinute');
  return { ...(requestsPerMinute === undefined ? {} : { requestsPerMinute }), ...(tokensPerMinute === undefined ? {} : { tokensPerMinute }) };
}

function modalities(raw: unknown, where: string): ModelModality[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || raw.length === 0 || !raw.every((m) => MODALITIES.includes(m as ModelModality))) {
    throw new ConfigError(`${where} must be a non-empty list of ${MODALITIES.join(', ')}`);
  }
  return raw as ModelModality[];
}

function objectAt(value: unknown, where: string): Readonly<Record<string, unknown>> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(`config '${where}' must be an object`);
  return value as Record<string, unknown>;
}
