import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { GetFoundationModelCommand, ListFoundationModelsCommand, ResourceNotFoundException, ValidationException, type ListFoundationModelsCommandInput } from '@aws-sdk/client-bedrock';
import { startServer, type RunningServer } from './harness.js';

describe('Bedrock control plane: the model catalog through @aws-sdk/client-bedrock', { timeout: 60_000 }, () => {
  let server: RunningServer;
  before(async () => {
    // No model map: the default simulated catalog `npm start` serves.
    server = await startServer();
  });
  after(async () => server.stop());

  test('ListFoundationModels lists the default catalog, with ARNs in the caller’s region', async () => {
    const { modelSummaries = [] } = await server.bedrock({ region: 'eu-west-1' }).send(new ListFoundationModelsCommand({}));
    const ids = modelSummaries.map((m) => m.modelId);
    assert.ok(ids.includes('anthropic.claude-3-5-haiku-20241022-v1:0'));
    assert.ok(ids.includes('amazon.titan-embed-text-v2:0'));
    assert.ok(ids.includes('amazon.titan-image-generator-v2:0'));
    const haiku = modelSummaries.find((m) => m.modelId === 'anthropic.claude-3-5-haiku-20241022-v1:0');
    assert.deepEqual(haiku, {
      modelArn: 'arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0',
      modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
      modelName: 'Claude 3.5 Haiku',
      providerName: 'Anthropic',
      inputModalities: ['TEXT', 'IMAGE'],
      outputModalities: ['TEXT'],
      responseStreamingSupported: true,
      customizationsSupported: [],
      inferenceTypesSupported: ['ON_DEMAND'],
      modelLifecycle: { status: 'ACTIVE' },
    });
  });

  test('filters: byProvider, byOutputModality, byInferenceType, byCustomizationType', async () => {
    const client = server.bedrock();
    const list = async (input: ListFoundationModelsCommandInput) =>
      ((await client.send(new ListFoundationModelsCommand(input))).modelSummaries ?? []).map((m) => m.modelId);
    const anthropic = await list({ byProvider: 'anthropic' });
    assert.ok(anthropic.length >= 2 && anthropic.every((id) => id?.startsWith('anthropic.')));
    assert.deepEqual(await list({ byOutputModality: 'EMBEDDING' }), ['amazon.titan-embed-text-v1', 'amazon.titan-embed-text-v2:0']);
    assert.deepEqual(await list({ byOutputModality: 'IMAGE' }), ['amazon.titan-image-generator-v2:0']);
    assert.deepEqual(await list({ byInferenceType: 'PROVISIONED' }), []);
    assert.deepEqual(await list({ byCustomizationType: 'FINE_TUNING' }), []);
    assert.equal((await list({ byInferenceType: 'ON_DEMAND' })).length, (await list({})).length);
  });

  test('GetFoundationModel by id and by ARN; a legacy model says LEGACY', async () => {
    const client = server.bedrock();
    const byId = await client.send(new GetFoundationModelCommand({ modelIdentifier: 'amazon.titan-embed-text-v2:0' }));
    assert.equal(byId.modelDetails?.modelId, 'amazon.titan-embed-text-v2:0');
    assert.deepEqual(byId.modelDetails?.outputModalities, ['EMBEDDING']);
    assert.equal(byId.modelDetails?.responseStreamingSupported, false);
    const byArn = await client.send(new GetFoundationModelCommand({ modelIdentifier: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0' }));
    assert.deepEqual(byArn.modelDetails, byId.modelDetails);
    const legacy = await client.send(new GetFoundationModelCommand({ modelIdentifier: 'anthropic.claude-v2:1' }));
    assert.equal(legacy.modelDetails?.modelLifecycle?.status, 'LEGACY');
  });

  test('GetFoundationModel errors: unknown id 404 ResourceNotFoundException, malformed id 400 ValidationException', async () => {
    const client = server.bedrock();
    await assert.rejects(client.send(new GetFoundationModelCommand({ modelIdentifier: 'acme.nothing-v1' })), (error: unknown) => {
      assert.ok(error instanceof ResourceNotFoundException);
      assert.equal(error.$metadata.httpStatusCode, 404);
      return true;
    });
    await assert.rejects(client.send(new GetFoundationModelCommand({ modelIdentifier: 'no_dots_here!' })), (error: unknown) => {
      assert.ok(error instanceof ValidationException);
      assert.equal(error.$metadata.httpStatusCode, 400);
      assert.match(error.message, /^1 validation error detected: Value 'no_dots_here!' at 'modelIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern/);
      return true;
    });
  });

  test('ListFoundationModels validates its filters', async () => {
    await assert.rejects(
      server.bedrock().send(new ListFoundationModelsCommand({ byOutputModality: 'VIDEO' as 'TEXT' })),
      (error: unknown) => error instanceof ValidationException && /Member must satisfy enum value set: \[TEXT, IMAGE, EMBEDDING\]/.test(error.message),
    );
  });
});
