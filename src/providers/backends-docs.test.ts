import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseAnthropicOptions } from './anthropic/index.js';
import { parseBedrockOptions } from './bedrock/index.js';
import { parseOpenAiCompatibleOptions } from './openai-compatible/index.js';

const PARSERS: Readonly<Record<string, (raw: unknown, env: Record<string, string>) => unknown>> = {
  'openai-compatible': parseOpenAiCompatibleOptions,
  anthropic: parseAnthropicOptions,
  bedrock: parseBedrockOptions,
};

/** Every backend snippet in docs/backends.md (whole configs or single provider objects) is accepted as written. */
describe('docs/backends.md', () => {
  it('has only config snippets the option parsers accept', () => {
    const page = readFileSync(new URL('../../docs/backends.md', import.meta.url), 'utf8');
    const blocks = [...page.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] ?? '') as Record<string, unknown>);
    const env = Object.fromEntries([...page.matchAll(/"env": "([A-Z_]+)"/g)].map((m) => [m[1] ?? '', 'from-env']));
    const sections = blocks.flatMap((block) => (typeof block.providers === 'object' && block.providers !== null ? Object.values(block.providers) : [block]));
    let checked = 0;
    for (const section of sections as Record<string, unknown>[]) {
      const parse = PARSERS[String(section.kind)];
      if (parse === undefined) continue;
      assert.doesNotThrow(() => parse(section, env), JSON.stringify(section));
      checked++;
    }
    assert.ok(checked >= 8, `expected the page's snippets for every backend, checked ${checked}`);
  });
});
