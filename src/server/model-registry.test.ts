import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ModelProvider } from '../providers/index.js';
import { ConfigError } from './config-error.js';
import { parseModelConfig } from './model-config.js';
import { buildModelCatalog, providerKind, providerKinds } from './model-registry.js';

const KINDS = providerKinds({});

test('no model map: the default simulated catalog, resolvable by profile id and ARN', () => {
  const catalog = buildModelCatalog(parseModelConfig({}), KINDS);
  assert.ok(catalog.list().length >= 6);
  const haiku = catalog.resolve('arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0');
  assert.equal(haiku?.modelId, 'anthropic.claude-3-5-haiku-20241022-v1:0');
  assert.equal(haiku?.provider.kind, 'simulator');
  assert.equal(catalog.resolve('amazon.titan-embed-text-v2:0')?.bodyFormat, 'titan-embed-v2');
  assert.equal(catalog.resolve('acme.nothing'), undefined);
});

test('configured models name providers; facts come from config, then the id’s family', () => {
  const catalog = buildModelCatalog(parseModelConfig({
    providers: { fast: { kind: 'simulator', timeToFirstTokenMs: 0 } },
    models: {
      'us.anthropic.claude-3-5-haiku-20241022-v1:0': { provider: 'fast', upstreamModel: 'llama3.2', quotas: { requestsPerMinute: 5 } },
      'meta.llama3-8b-instruct-v1:0': { provider: 'simulator', modelName: 'Llama 3 8B' },
    },
  }), KINDS);
  const profile = catalog.resolve('us.anthropic.claude-3-5-haiku-20241022-v1:0');
  assert.equal(profile?.upstreamModel, 'llama3.2');
  assert.deepEqual(profile?.quotas, { requestsPerMinute: 5 });
  assert.equal(profile?.info.providerName, 'Anthropic');
  const llama = catalog.resolve('meta.llama3-8b-instruct-v1:0');
  assert.equal(llama?.info.providerName, 'Meta');
  assert.equal(llama?.info.modelName, 'Llama 3 8B');
  assert.equal(llama?.bodyFormat, 'none');
});

test('bad configuration is a ConfigError that names the place', () => {
  const build = (file: Record<string, unknown>) => () => buildModelCatalog(parseModelConfig(file), KINDS);
  assert.throws(build({ providers: { x: { kind: 'carrier-pigeon' } } }), (e: Error) => e instanceof ConfigError && /providers\.x\.kind 'carrier-pigeon'/.test(e.message));
  assert.throws(build({ providers: { x: { kind: 'simulator', errorRate: 5 } } }), (e: Error) => e instanceof ConfigError && /providers\.x: .*errorRate/.test(e.message));
  assert.throws(build({ models: { 'a.b': { provider: 'nope' } } }), (e: Error) => e instanceof ConfigError && /models\.a\.b\.provider 'nope'/.test(e.message));
  assert.throws(build({ models: { 'a.b': { provider: 'simulator', quotas: { requestsPerMinute: -1 } } } }), ConfigError);
  assert.throws(build({ models: { 'a.b': { provider: 'simulator', format: 'xml' } } }), ConfigError);
});

test('a new provider kind is one table entry', () => {
  const fake: ModelProvider = { kind: 'echo', converse: async () => ({ message: { role: 'assistant', content: [] }, stopReason: 'end_turn' }), converseStream: async function* () {} };
  const kinds = { ...KINDS, echo: providerKind((raw) => String(raw.url ?? ''), () => fake) };
  const catalog = buildModelCatalog(parseModelConfig({ providers: { e: { kind: 'echo', url: 'http://x' } }, models: { 'a.b-v1': { provider: 'e' } } }), kinds);
  assert.equal(catalog.resolve('a.b-v1')?.provider, fake);
});

test('provider secrets written {"env": NAME} come from the environment the config was loaded with', () => {
  const config = parseModelConfig({ providers: { o: { kind: 'openai-compatible', baseUrl: 'http://127.0.0.1:1/v1', apiKey: { env: 'MW_TEST_KEY' } } } });
  assert.doesNotThrow(() => buildModelCatalog(config, providerKinds({ MW_TEST_KEY: 'secret' })));
  assert.throws(() => buildModelCatalog(config, providerKinds({})), /MW_TEST_KEY/);
});
