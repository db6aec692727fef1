import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyQueryParameters, toQueryDefinition } from './query-definitions.js';

describe('applyQueryParameters', () => {
  const parameters = [{ name: 'model', defaultValue: 'anthropic.claude-3-haiku' }, { name: 'period' }];

  it('fills given values first, then defaults, and leaves a placeholder with neither as written', () => {
    const query = 'filter modelId = "{{model}}" | stats count(*) by bin({{period}}) | limit {{n}}';
    assert.equal(applyQueryParameters(query, parameters), 'filter modelId = "anthropic.claude-3-haiku" | stats count(*) by bin({{period}}) | limit {{n}}');
    assert.equal(applyQueryParameters(query, parameters, { period: '5m', n: '10' }), 'filter modelId = "anthropic.claude-3-haiku" | stats count(*) by bin(5m) | limit 10');
  });

  it('only replaces well-formed names', () => {
    assert.equal(applyQueryParameters('{{ model }} {{1x}} {{model}}', parameters), '{{ model }} {{1x}} anthropic.claude-3-haiku');
  });
});

describe('toQueryDefinition', () => {
  it('always lists log group names, and parameters only when there are some', () => {
    const base = { queryDefinitionId: 'q', queryLanguage: 'CWLI', name: 'n', queryString: 's', lastModified: 5, logGroupNames: [], parameters: [] };
    assert.deepEqual(toQueryDefinition(base), { queryLanguage: 'CWLI', queryDefinitionId: 'q', name: 'n', queryString: 's', lastModified: 5, logGroupNames: [] });
    assert.deepEqual(toQueryDefinition({ ...base, parameters: [{ name: 'p' }] }).parameters, [{ name: 'p' }]);
  });
});
