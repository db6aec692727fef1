import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/openai-compatible-server.js';
import { REGION, startServer, TEST_CREDENTIALS, type RunningServer } from './harness.js';

/** boto3's bedrock-runtime client (HTTP/1.1, botocore's event-stream parser) against an OpenAI-compatible backend. */
const MODEL = 'meta.llama3-2-3b-instruct-v1:0';
const SCRIPT = `
import boto3, json, sys
from botocore.config import Config
rt = boto3.client('bedrock-runtime', endpoint_url=sys.argv[1], config=Config(retries={'total_max_attempts': 1}))
model = sys.argv[2]
messages = [{'role': 'user', 'content': [{'text': 'Hello from boto3'}]}]
out = {}
c = rt.converse(modelId=model, messages=messages, system=[{'text': 'Be brief.'}], inferenceConfig={'maxTokens': 64, 'temperature': 0.2})
out['converse'] = {'text': c['output']['message']['content'][0]['text'], 'stop': c['stopReason'], 'usage': c['usage']}
events = list(rt.converse_stream(modelId=model, messages=messages)['stream'])
out['stream'] = {'names': [next(iter(e)) for e in events], 'text': ''.join(e['contentBlockDelta']['delta']['text'] for e in events if 'contentBlockDelta' in e), 'usage': events[-1]['metadata'].get('usage')}
try:
  rt.converse(modelId=model, messages=messages)
  out['throttled'] = None
except rt.exceptions.ThrottlingException as e:
  out['throttled'] = {'code': e.response['Error']['Code'], 'status': e.response['ResponseMetadata']['HTTPStatusCode']}
try:
  for e in rt.converse_stream(modelId=model, messages=messages)['stream']:
    pass
  out['broken'] = None
except Exception as e:
  out['broken'] = type(e).__name__
print(json.dumps(out))
`;

describe('boto3 through the gateway to an OpenAI-compatible backend', { timeout: 60_000 }, () => {
  let openai: FakeOpenAiServer;
  let server: RunningServer;
  let home = '';
  before(async () => {
    openai = await startFakeOpenAiServer();
    server = await startServer({
      config: {
        providers: { oai: { kind: 'openai-compatible', baseUrl: openai.baseUrl } },
        models: { [MODEL]: { provider: 'oai', upstreamModel: 'llama3.2' } },
      },
    });
    home = await mkdtemp(join(tmpdir(), 'modelwatch-boto3-backends-'));
  });
  after(async () => {
    await server?.stop();
    await openai?.close();
    await rm(home, { recursive: true, force: true });
  });

  test('converse, converse_stream, a throttled upstream and a stream broken mid-way', async () => {
    // The replies, in call order: converse and converse_stream get the default answer, then a 429, then a drop.
    openai.enqueue(
      { kind: 'message', text: 'Hi from the fake model.' },
      { kind: 'message', text: 'Streamed hello.' },
      { kind: 'status', status: 429, body: '{"error":{"message":"Rate limit reached"}}' },
      { kind: 'disconnect', afterChunks: 1 },
    );
    const env = {
      PATH: process.env.PATH, HOME: home, AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey, AWS_DEFAULT_REGION: REGION,
    };
    // Asynchronous: the fake upstream lives in this process and must keep answering while the script runs.
    const run = await promisify(execFile)('python3', ['-c', SCRIPT, server.endpoint, MODEL], { env, encoding: 'utf8', timeout: 45_000 });
    const out = JSON.parse(run.stdout) as {
      converse: { text: string; stop: string; usage: Record<string, number> };
      stream: { names: string[]; text: string; usage: Record<string, number> | undefined };
      throttled: { code: string; status: number } | null;
      broken: string | null;
    };
    assert.deepEqual(out.converse, { text: 'Hi from the fake model.', stop: 'end_turn', usage: { inputTokens: 11, outputTokens: 7, totalTokens: 18 } });
    assert.equal(out.stream.names[0], 'messageStart');
    assert.deepEqual(out.stream.names.slice(-2), ['messageStop', 'metadata']);
    assert.equal(out.stream.text, 'Streamed hello.');
    assert.equal(out.stream.usage?.outputTokens, 7);
    assert.deepEqual(out.throttled, { code: 'ThrottlingException', status: 429 });
    assert.equal(out.broken, 'EventStreamError', "botocore raises an in-stream exception as EventStreamError");

    const sent = openai.chatRequests().map((r) => r.body as { model: string; messages: Array<{ role: string }>; stream?: boolean; temperature?: number });
    assert.equal(sent[0]?.model, 'llama3.2');
    assert.deepEqual(sent[0]?.messages.map((m) => m.role), ['system', 'user']);
    assert.equal(sent[0]?.temperature, 0.2);
    assert.equal(sent[1]?.stream, true);
  });
});
