import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ServiceError } from '../../../kernel/index.js';
import { converseResponse, toProviderRequest } from './converse-shapes.js';

const startsWithUser = /^A conversation must start with a user message\. Try again with a conversation that starts with a user message\.$/;
const refused = (input: Parameters<typeof toProviderRequest>[0], message: RegExp) =>
  assert.throws(() => toProviderRequest(input), (error: unknown) => error instanceof ServiceError && error.code === 'ValidationException' && message.test(error.message));

describe('converse shapes', () => {
  it('refuses a conversation that does not start with a user message, or has none', () => {
    refused({ modelId: 'm', messages: [] }, startsWithUser);
    refused({ modelId: 'm' }, startsWithUser);
    refused({ modelId: 'm', messages: [{ role: 'assistant', content: [{ text: 'hi' }] }] }, startsWithUser);
    refused({ modelId: 'm', messages: [{ role: 'system', content: [{ text: 'hi' }] }] }, /alternate between user and assistant/);
    assert.deepEqual(toProviderRequest({ modelId: 'm', messages: [{ role: 'user', content: [{ text: 'hi' }] }] }), { messages: [{ role: 'user', content: [{ text: 'hi' }] }] });
  });

  it('writes the response members in the order AWS logs them: output, stopReason, metrics, usage', () => {
    const response = converseResponse(
      { message: { role: 'assistant', content: [{ text: 'ok' }] }, stopReason: 'end_turn', usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 } },
      7,
      { modelId: 'm' },
    );
    assert.deepEqual(Object.keys(response), ['output', 'stopReason', 'metrics', 'usage']);
  });
});
