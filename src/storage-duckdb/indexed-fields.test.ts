import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INDEXED_FIELDS, indexedFieldValues } from './indexed-fields.js';

const record = {
  schemaType: 'ModelInvocationLog',
  schemaVersion: '1.0',
  requestId: 'r-1',
  operation: 'Converse',
  modelId: 'anthropic.claude-3-haiku',
  input: { inputContentType: 'application/json', inputTokenCount: 12 },
  output: { outputTokenCount: 30, outputBodyJson: { metrics: { latencyMs: 300 } } },
};

describe('indexedFieldValues', () => {
  it('reads every indexed field of a canonical record as json_extract_string would, absent ones as null', () => {
    const values = indexedFieldValues(JSON.stringify(record));
    assert.deepEqual(
      Object.fromEntries(INDEXED_FIELDS.map((f, i) => [f.path, values?.[i]])),
      {
        modelId: 'anthropic.claude-3-haiku', operation: 'Converse', requestId: 'r-1', errorCode: null,
        'input.inputTokenCount': '12', 'output.outputTokenCount': '30', 'output.outputBodyJson.metrics.latencyMs': '300',
      },
    );
  });

  it('unescapes strings and writes nested values as minified JSON', () => {
    const values = indexedFieldValues(JSON.stringify({ ...record, errorCode: 'bad "quote"\n', modelId: { nested: [1, 'x'] } }));
    assert.equal(values?.[INDEXED_FIELDS.findIndex((f) => f.path === 'errorCode')], 'bad "quote"\n');
    assert.equal(values?.[INDEXED_FIELDS.findIndex((f) => f.path === 'modelId')], '{"nested":[1,"x"]}');
  });

  it('leaves alone what it cannot promise to read exactly as the JSON path would', () => {
    assert.equal(indexedFieldValues('{"level":"INFO","modelId":"m"}'), undefined, 'not an invocation record');
    assert.equal(indexedFieldValues('{"schemaType":"ModelInvocationLog", "modelId":"m"}'), undefined, 'not canonical (a space)');
    assert.equal(indexedFieldValues('{"schemaType":"ModelInvocationLog","input":{"inputTokenCount":1.50}}'), undefined, 'number text would change');
    assert.equal(indexedFieldValues('{"schemaType":"ModelInvocationLog","input":{"inputTokenCount":0.5}}'), undefined, 'non-integer');
    assert.equal(indexedFieldValues('{"schemaType":"ModelInvocationLog","modelId":"a","modelId":"b"}'), undefined, 'duplicate key');
    assert.equal(indexedFieldValues('{"schemaType":"ModelInvocationLog",'), undefined, 'not JSON');
  });
});
