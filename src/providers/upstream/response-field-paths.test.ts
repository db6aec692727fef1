import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pickResponseFields } from './response-field-paths.js';

describe('pickResponseFields', () => {
  const body = { stop_sequence: null, usage: { service_tier: 'standard' }, 'a/b': 1, choices: [{ logprobs: 'lp' }] };

  it('returns each found pointer at its own path, null values included', () => {
    assert.deepEqual(pickResponseFields(body, ['/stop_sequence', '/usage/service_tier', '/a~1b', '/choices/0/logprobs']), {
      stop_sequence: null,
      usage: { service_tier: 'standard' },
      'a/b': 1,
      choices: { 0: { logprobs: 'lp' } },
    });
  });

  it('leaves out missing or invalid paths, and answers undefined when nothing matched', () => {
    assert.equal(pickResponseFields(body, ['/missing', 'no-slash']), undefined);
    assert.equal(pickResponseFields(body, undefined), undefined);
    assert.deepEqual(pickResponseFields(body, ['/missing', '/stop_sequence']), { stop_sequence: null });
  });
});
