import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PutModelInvocationLoggingConfigurationCommand } from '@aws-sdk/client-bedrock';
import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { CloudWatchLogsClient, CreateLogGroupCommand, StartLiveTailCommand } from '@aws-sdk/client-cloudwatch-logs';
import { REGION, TEST_CREDENTIALS, startServer, uniqueName, type RunningServer } from './harness.js';
import { openSse, presignTailUrl } from './live-tail-sse.js';

/** Bedrock invocation records reach live-tail sessions as they are written, like any other log event. */
describe('Live Tail of Bedrock invocation records', { timeout: 60_000 }, () => {
  let server: RunningServer;
  const group = uniqueName('/aws/bedrock/tail');
  const modelId = 'anthropic.claude-3-haiku-20240307-v1:0';

  before(async () => {
    server = await startServer();
    await server.logs().send(new CreateLogGroupCommand({ logGroupName: group }));
    await server.bedrock().send(new PutModelInvocationLoggingConfigurationCommand({
      loggingConfig: { cloudWatchConfig: { logGroupName: group, roleArn: 'arn:aws:iam::000000000000:role/BedrockLogging' }, textDataDeliveryEnabled: true },
    }));
  });
  after(() => server.stop());

  const converse = (text: string) =>
    server.bedrockRuntime().send(new ConverseCommand({ modelId, messages: [{ role: 'user', content: [{ text }] }] }));

  it('the console stream delivers each record with the filter applied', async () => {
    const sse = await openSse(await presignTailUrl(server.endpoint, { logGroupIdentifier: group, logEventFilterPattern: '{ $.operation = "Converse" }' }));
    try {
      const answer = await converse('hello from the console test');
      const [event] = await sse.take(1, 10_000);
      const data = JSON.parse(event?.data ?? '{}') as { logStreamName?: string; message?: string };
      assert.equal(data.logStreamName, 'aws/bedrock/modelinvocations');
      const record = JSON.parse(data.message ?? '{}') as { requestId?: string; modelId?: string; operation?: string };
      assert.deepEqual([record.requestId, record.modelId, record.operation], [answer.$metadata.requestId, modelId, 'Converse']);
    } finally {
      sse.close();
    }
  });

  it('StartLiveTail through the SDK receives the record in a session update', async () => {
    const abort = new AbortController();
    // The SDK prefixes the host with `stream-` for StartLiveTail; a localhost endpoint needs that turned off.
    const tail = new CloudWatchLogsClient({ endpoint: server.endpoint, region: REGION, credentials: { ...TEST_CREDENTIALS }, maxAttempts: 1, disableHostPrefix: true });
    const response = await tail.send(new StartLiveTailCommand({ logGroupIdentifiers: [group] }), { abortSignal: abort.signal });
    const events = response.responseStream?.[Symbol.asyncIterator]();
    assert.ok(events !== undefined);
    try {
      assert.ok((await events.next()).value?.sessionStart !== undefined);
      const answer = await converse('hello from StartLiveTail');
      for (let update = 0; update < 10; update++) {
        const results = (await events.next()).value?.sessionUpdate?.sessionResults ?? [];
        const hit = results.find((r: { message?: string }) => (JSON.parse(r.message ?? '{}') as { requestId?: string }).requestId === answer.$metadata.requestId);
        if (hit !== undefined) {
          assert.equal(hit.logStreamName, 'aws/bedrock/modelinvocations');
          return;
        }
      }
      assert.fail('the invocation record did not arrive within 10 session updates');
    } finally {
      abort.abort();
      tail.destroy();
    }
  });
});
