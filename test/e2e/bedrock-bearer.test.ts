import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { GATEWAY_CONFIG, HAIKU } from './bedrock-helpers.js';
import { REGION, startServer, type RunningServer } from './harness.js';

const TOKEN = 'mw-bedrock-api-key-0001';
const messages = [{ role: 'user' as const, content: [{ text: 'Hello' }] }];

/** Bedrock API keys: `Authorization: Bearer`, as the SDKs send it from AWS_BEARER_TOKEN_BEDROCK (httpBearerAuth). */
describe('Bedrock runtime with a bearer API key', { timeout: 60_000 }, () => {
  let server: RunningServer;
  const clients: BedrockRuntimeClient[] = [];
  const client = (token: string): BedrockRuntimeClient => {
    const made = new BedrockRuntimeClient({ endpoint: server.endpoint, region: REGION, token: { token }, authSchemePreference: ['httpBearerAuth'], maxAttempts: 1 });
    clients.push(made);
    return made;
  };
  before(async () => {
    server = await startServer({ config: { ...GATEWAY_CONFIG, auth: { bearerTokens: { [TOKEN]: { accountId: '123456789012', userName: 'alice' } } } } });
  });
  after(async () => {
    for (const c of clients) c.destroy();
    await server.stop();
  });

  test('a configured key calls Converse and ConverseStream over HTTP/2', async () => {
    const answer = await client(TOKEN).send(new ConverseCommand({ modelId: HAIKU, messages }));
    assert.equal(answer.stopReason, 'end_turn');
    const { stream } = await client(TOKEN).send(new ConverseStreamCommand({ modelId: HAIKU, messages }));
    let count = 0;
    for await (const _ of stream ?? []) count += 1;
    assert.ok(count > 3);
  });

  test('an unknown key is refused', async () => {
    await assert.rejects(client('not-a-known-key-42').send(new ConverseCommand({ modelId: HAIKU, messages })), (error: unknown) => {
      assert.equal((error as Error).name, 'UnrecognizedClientException');
      assert.equal((error as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode, 403);
      return true;
    });
  });
});
