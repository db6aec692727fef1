import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAnthropicOptions } from '../anthropic/index.js';
import { parseBedrockOptions } from '../bedrock/index.js';
import { parseOpenAiCompatibleOptions } from '../openai-compatible/index.js';

const env = { OPENAI_KEY: 'sk-from-env', AWS_KEY: 'AKIDENV', AWS_SECRET: 'secret-env', PROXY_TOKEN: 'tok', EMPTY: '' };

describe('secrets from the environment ({"env": "NAME"})', () => {
  it('reads api keys, header values and upstream credentials from the given environment', () => {
    const openai = parseOpenAiCompatibleOptions({ baseUrl: 'http://x/v1', apiKey: { env: 'OPENAI_KEY' }, headers: { 'X-Proxy': { env: 'PROXY_TOKEN' } } }, env);
    assert.equal(openai.apiKey, 'sk-from-env');
    assert.deepEqual(openai.headers, { 'x-proxy': 'tok' });
    assert.equal(parseAnthropicOptions({ apiKey: { env: 'OPENAI_KEY' } }, env).apiKey, 'sk-from-env');
    const bedrock = parseBedrockOptions({ region: 'us-east-1', credentials: { accessKeyId: { env: 'AWS_KEY' }, secretAccessKey: { env: 'AWS_SECRET' } } }, env);
    assert.deepEqual(bedrock.credentials, { accessKeyId: 'AKIDENV', secretAccessKey: 'secret-env' });
  });

  it('refuses an unset or empty variable and a malformed reference, naming the key', () => {
    assert.throws(() => parseOpenAiCompatibleOptions({ baseUrl: 'http://x', apiKey: { env: 'MISSING' } }, env), /"apiKey" names the environment variable MISSING, which is not set/);
    assert.throws(() => parseAnthropicOptions({ apiKey: { env: 'EMPTY' } }, env), /EMPTY, which is not set/);
    assert.throws(() => parseAnthropicOptions({ apiKey: { name: 'X' } }, env), /"apiKey" must be a string or \{"env"/);
    assert.throws(() => parseOpenAiCompatibleOptions({ baseUrl: 'http://x', headers: { a: 1 } }, env), /"headers.a" must be a string/);
  });
});
