import { setTimeout as sleep } from 'node:timers/promises';
import { CreateLogGroupCommand, GetLogEventsCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { PutModelInvocationLoggingConfigurationCommand } from '@aws-sdk/client-bedrock';
import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { startFakeAnthropicServer, type FakeAnthropicServer } from '../fakes/anthropic-server.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/openai-compatible-server.js';
import { INSTANT } from './bedrock-helpers.js';
import { startServer, TEST_ACCOUNT, type RunningServer } from './harness.js';

/**
 * The gateway in front of each real backend kind: an OpenAI-compatible fake, an Anthropic fake, and a second
 * ModelWatch (its simulator) reached through the `bedrock` backend, with invocation logging on to CloudWatch Logs so
 * a test can read the record of each call it makes.
 */
export const VIA_OPENAI = 'meta.llama3-2-3b-instruct-v1:0';
/** A Claude model id answered by the OpenAI-compatible backend: its InvokeModel body is Anthropic's, translated. */
export const CLAUDE_VIA_OPENAI = 'anthropic.claude-3-opus-20240229-v1:0';
export const VIA_ANTHROPIC = 'anthropic.claude-3-haiku-20240307-v1:0';
export const VIA_BEDROCK = 'anthropic.claude-3-5-haiku-20241022-v1:0';
/** Answered by the upstream ModelWatch's always-failing simulator: its error must come back unchanged. */
export const VIA_BEDROCK_FAILING = 'anthropic.claude-3-sonnet-20240229-v1:0';
export const LOG_GROUP = '/bedrock/backends';
export const RECORD_STREAM = 'aws/bedrock/modelinvocations';
/** Short so the timeout case takes a fraction of a second. */
export const UPSTREAM_TIMEOUT_MS = 400;
/** The upstream ModelWatch's own key, distinct from the caller's, to prove the call is re-signed. */
export const UPSTREAM_ACCOUNT = '222233334444';
export const UPSTREAM_KEY = { accessKeyId: 'AKIAUPSTREAM00000001', secretAccessKey: 'upstream-secret' };

export interface Backends {
  readonly openai: FakeOpenAiServer;
  readonly anthropic: FakeAnthropicServer;
  readonly upstream: RunningServer;
  readonly gateway: RunningServer;
  stop(): Promise<void>;
}

export async function startBackends(): Promise<Backends> {
  const openai = await startFakeOpenAiServer();
  const anthropic = await startFakeAnthropicServer({ apiKey: 'sk-ant-test' });
  const upstream = await startServer({
    accessKeys: { [UPSTREAM_KEY.accessKeyId]: { secretAccessKey: UPSTREAM_KEY.secretAccessKey, accountId: UPSTREAM_ACCOUNT } },
    config: {
      providers: { sim: INSTANT, broken: { ...INSTANT, errorRate: 1 } },
      models: { [VIA_BEDROCK]: { provider: 'sim' }, [VIA_BEDROCK_FAILING]: { provider: 'broken' } },
    },
  });
  const gateway = await startServer({
    config: {
      providers: {
        oai: { kind: 'openai-compatible', baseUrl: openai.baseUrl, timeoutMs: UPSTREAM_TIMEOUT_MS },
        ant: { kind: 'anthropic', baseUrl: anthropic.url, apiKey: 'sk-ant-test', timeoutMs: UPSTREAM_TIMEOUT_MS },
        mw: { kind: 'bedrock', region: 'us-east-1', endpoint: upstream.endpoint, credentials: UPSTREAM_KEY },
      },
      models: {
        [VIA_OPENAI]: { provider: 'oai', upstreamModel: 'llama3.2' },
        [CLAUDE_VIA_OPENAI]: { provider: 'oai', upstreamModel: 'qwen3' },
        [VIA_ANTHROPIC]: { provider: 'ant', upstreamModel: 'claude-3-haiku-20240307' },
        [VIA_BEDROCK]: { provider: 'mw' },
        [VIA_BEDROCK_FAILING]: { provider: 'mw' },
      },
    },
  });
  await gateway.logs().send(new CreateLogGroupCommand({ logGroupName: LOG_GROUP }));
  await gateway.bedrock().send(new PutModelInvocationLoggingConfigurationCommand({
    loggingConfig: {
      cloudWatchConfig: { logGroupName: LOG_GROUP, roleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/BedrockLogging` },
      textDataDeliveryEnabled: true,
    },
  }));
  return {
    openai, anthropic, upstream, gateway,
    async stop() {
      await gateway.stop();
      await upstream.stop();
      await openai.close();
      await anthropic.close();
    },
  };
}

/** One invocation record as Bedrock writes it (the members these tests look at). */
export interface InvocationRecord {
  readonly requestId: string;
  readonly operation: string;
  readonly modelId: string;
  readonly errorCode?: string;
  readonly identity: { readonly arn: string };
  readonly input: { readonly inputBodyJson?: unknown; readonly inputTokenCount?: number };
  readonly output?: { readonly outputBodyJson?: unknown; readonly outputTokenCount?: number };
}

/**
 * Waits for the record of one request to be delivered (delivery is asynchronous by design: it never delays the
 * caller). Polls the record stream; gives up after `waitMs`, which is a bound, not a speed assertion.
 */
export async function recordOf(logs: CloudWatchLogsClient, requestId: string | undefined, waitMs = 10_000): Promise<InvocationRecord> {
  if (requestId === undefined) throw new Error('the response carried no request id');
  const deadline = Date.now() + waitMs;
  for (;;) {
    const page = await logs.send(new GetLogEventsCommand({ logGroupName: LOG_GROUP, logStreamName: RECORD_STREAM, startFromHead: true, limit: 10_000 }))
      .catch((error: unknown) => { if ((error as Error).name === 'ResourceNotFoundException') return { events: [] }; throw error; });
    for (const event of page.events ?? []) {
      const record = JSON.parse(event.message ?? '{}') as InvocationRecord;
      if (record.requestId === requestId) return record;
    }
    if (Date.now() > deadline) throw new Error(`no invocation record for ${requestId} after ${waitMs} ms`);
    await sleep(50);
  }
}

/** The name of each event of a Converse stream, in order (the member that is set). */
export async function eventNames(stream: AsyncIterable<ConverseStreamOutput> | undefined): Promise<string[]> {
  const names: string[] = [];
  for await (const event of stream ?? []) names.push(setMember(event));
  return names;
}

export function setMember(event: object): string {
  return Object.entries(event).find(([, value]) => value !== undefined)?.[0] ?? '?';
}
