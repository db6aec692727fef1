import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FAILING, GATEWAY_CONFIG, HAIKU, THROTTLING } from './bedrock-helpers.js';
import { REGION, startServer, TEST_CREDENTIALS, type RunningServer } from './harness.js';

/** boto3's bedrock-runtime client (HTTP/1.1, botocore's own event-stream parser) against the gateway. */
const SCRIPT = `
import boto3, json, sys
from botocore.config import Config
rt = boto3.client('bedrock-runtime', endpoint_url=sys.argv[1], config=Config(retries={'max_attempts': 1}))
haiku, failing, throttling = sys.argv[2], sys.argv[3], sys.argv[4]
messages = [{'role': 'user', 'content': [{'text': 'Hello from boto3'}]}]
out = {}
c = rt.converse(modelId=haiku, messages=messages, requestMetadata={'team': 'py'})
out['converse'] = {'text': c['output']['message']['content'][0]['text'], 'stop': c['stopReason'], 'usage': c['usage'], 'requestId': c['ResponseMetadata']['RequestId']}
s = rt.converse_stream(modelId=haiku, messages=messages)
events = list(s['stream'])
out['stream'] = {'first': events[0], 'text': ''.join(e['contentBlockDelta']['delta']['text'] for e in events if 'contentBlockDelta' in e), 'last': events[-1]['metadata']['usage']}
body = json.dumps({'anthropic_version': 'bedrock-2023-05-31', 'max_tokens': 30, 'messages': [{'role': 'user', 'content': 'Hello from boto3'}]})
i = rt.invoke_model(modelId=haiku, body=body)
out['invoke'] = {'body': json.loads(i['body'].read()), 'contentType': i['contentType'], 'tokens': i['ResponseMetadata']['HTTPHeaders'].get('x-amzn-bedrock-output-token-count')}
st = rt.invoke_model_with_response_stream(modelId=haiku, body=body)
chunks = [json.loads(e['chunk']['bytes']) for e in st['body']]
out['invokeStream'] = {'types': [c['type'] for c in chunks], 'metrics': chunks[-1].get('amazon-bedrock-invocationMetrics')}
errors = {}
for name, call in [
  ('unknown', lambda: rt.converse(modelId='acme.nothing-v1', messages=messages)),
  ('failing', lambda: rt.converse(modelId=failing, messages=messages)),
  ('throttled', lambda: rt.converse(modelId=throttling, messages=messages)),
]:
  try:
    call()
    errors[name] = None
  except rt.exceptions.ClientError as e:
    errors[name] = {'code': e.response['Error']['Code'], 'status': e.response['ResponseMetadata']['HTTPStatusCode'], 'message': e.response['Error']['Message']}
try:
  for e in rt.converse_stream(modelId=failing, messages=messages)['stream']:
    pass
  errors['inStream'] = None
except Exception as e:
  errors['inStream'] = type(e).__name__ + ':' + getattr(e, 'response', {}).get('Error', {}).get('Code', '')
out['errors'] = errors
print(json.dumps(out))
`;

describe('Bedrock runtime through boto3', { timeout: 120_000 }, () => {
  let server: RunningServer;
  let home = '';
  before(async () => {
    server = await startServer({ config: GATEWAY_CONFIG });
    home = await mkdtemp(join(tmpdir(), 'modelwatch-boto3-'));
  });
  after(async () => {
    await server.stop();
    await rm(home, { recursive: true, force: true });
  });

  test('converse, converse_stream, invoke_model, invoke_model_with_response_stream and the errors', () => {
    const env = {
      PATH: process.env.PATH, HOME: home, AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey, AWS_DEFAULT_REGION: REGION,
    };
    const run = spawnSync('python3', ['-c', SCRIPT, server.endpoint, HAIKU, FAILING, THROTTLING], { env, encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout) as {
      converse: { text: string; stop: string; usage: { outputTokens: number }; requestId: string };
      stream: { first: unknown; text: string; last: unknown };
      invoke: { body: { type: string; usage: { output_tokens: number } }; contentType: string; tokens: string };
      invokeStream: { types: string[]; metrics: Record<string, number> | undefined };
      errors: Record<string, unknown>;
    };
    assert.equal(out.converse.stop, 'end_turn');
    assert.equal(out.converse.usage.outputTokens, 12);
    assert.match(out.converse.requestId, /^[0-9a-f-]{36}$/);
    assert.deepEqual(out.stream.first, { messageStart: { role: 'assistant' } });
    assert.equal(out.stream.text, out.converse.text);
    assert.deepEqual(out.stream.last, out.converse.usage);
    assert.equal(out.invoke.body.type, 'message');
    assert.equal(out.invoke.contentType, 'application/json');
    assert.equal(out.invoke.tokens, String(out.invoke.body.usage.output_tokens));
    assert.equal(out.invokeStream.types[0], 'message_start');
    assert.equal(out.invokeStream.types.at(-1), 'message_stop');
    assert.equal(out.invokeStream.metrics?.outputTokenCount, 12);
    assert.deepEqual(out.errors.unknown, { code: 'ValidationException', status: 400, message: 'The provided model identifier is invalid.' });
    assert.deepEqual((out.errors.failing as { code: string; status: number }).code, 'ModelErrorException');
    assert.deepEqual((out.errors.failing as { code: string; status: number }).status, 424);
    assert.deepEqual(out.errors.throttled, { code: 'ThrottlingException', status: 429, message: 'Too many requests, please wait before trying again.' });
    assert.match(String(out.errors.inStream), /modelStreamErrorException|ModelStreamErrorException/);
  });
});
