import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import {
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
  ValidationException,
  type ResponseStream,
} from '@aws-sdk/client-bedrock-runtime';
import { captureHeaders, FAILING, GATEWAY_CONFIG, HAIKU, utf8 } from './bedrock-helpers.js';
import { startServer, type RunningServer } from './harness.js';

const json = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));
const messagesBody = { anthropic_version: 'bedrock-2023-05-31', max_tokens: 50, messages: [{ role: 'user', content: 'Tell me a story' }] };

async function chunks(body: AsyncIterable<ResponseStream> | undefined): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  for await (const event of body ?? []) out.push(JSON.parse(utf8(event.chunk?.bytes)) as Record<string, unknown>);
  return out;
}

describe('Bedrock runtime: InvokeModel body formats through @aws-sdk/client-bedrock-runtime', { timeout: 120_000 }, () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ config: GATEWAY_CONFIG });
  });
  after(async () => server.stop());

  for (const http1 of [false, true]) {
    test(`Anthropic Messages over ${http1 ? 'HTTP/1.1' : 'HTTP/2'}: the message body and the token/latency headers`, async () => {
      const client = server.bedrockRuntime({ http1 });
      const headers = captureHeaders(client);
      const response = await client.send(new InvokeModelCommand({
        modelId: HAIKU,
        contentType: 'application/json',
        accept: 'application/json',
        body: json(messagesBody),
        requestMetadata: JSON.stringify({ team: 'search' }),
        performanceConfigLatency: 'optimized',
      }));
      assert.equal(response.contentType, 'application/json');
      assert.equal(response.performanceConfigLatency, 'optimized');
      const body = JSON.parse(utf8(response.body)) as { id: string; type: string; role: string; content: { type: string; text: string }[]; stop_reason: string; usage: { input_tokens: number; output_tokens: number } };
      assert.match(body.id, /^msg_bdrk_/);
      assert.equal(body.type, 'message');
      assert.equal(body.role, 'assistant');
      assert.equal(body.content[0]?.type, 'text');
      assert.equal(body.stop_reason, 'end_turn');
      assert.equal(body.usage.output_tokens, 12);
      const sent = headers.at(-1) ?? {};
      assert.equal(sent['x-amzn-bedrock-input-token-count'], String(body.usage.input_tokens));
      assert.equal(sent['x-amzn-bedrock-output-token-count'], '12');
      assert.match(sent['x-amzn-bedrock-invocation-latency'] ?? '', /^\d+$/);
      assert.equal(sent['x-amzn-requestid'], response.$metadata.requestId);
    });

    test(`InvokeModelWithResponseStream over ${http1 ? 'HTTP/1.1' : 'HTTP/2'}: Anthropic chunks, metrics in the last`, async () => {
      const client = server.bedrockRuntime({ http1 });
      const response = await client.send(new InvokeModelWithResponseStreamCommand({ modelId: HAIKU, body: json(messagesBody) }));
      assert.equal(response.contentType, 'application/json');
      const seen = await chunks(response.body);
      assert.deepEqual(seen.map((c) => c.type).filter((t, i, all) => t !== all[i - 1]), [
        'message_start', 'content_block_start', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop',
      ]);
      const text = seen.flatMap((c) => (c.type === 'content_block_delta' ? [(c.delta as { text: string }).text] : [])).join('');
      const whole = JSON.parse(utf8((await client.send(new InvokeModelCommand({ modelId: HAIKU, body: json(messagesBody) }))).body)) as { content: { text: string }[] };
      assert.equal(text, whole.content[0]?.text);
      const metrics = seen.at(-1)?.['amazon-bedrock-invocationMetrics'] as Record<string, number>;
      assert.equal(metrics.outputTokenCount, 12);
      assert.equal(typeof metrics.inputTokenCount, 'number');
      assert.equal(typeof metrics.invocationLatency, 'number');
      assert.equal(typeof metrics.firstByteLatency, 'number');
    });
  }

  test('legacy Claude v2 text completions, whole and streamed', async () => {
    const client = server.bedrockRuntime();
    const body = json({ prompt: '\n\nHuman: Say hello\n\nAssistant:', max_tokens_to_sample: 20 });
    const whole = JSON.parse(utf8((await client.send(new InvokeModelCommand({ modelId: 'anthropic.claude-v2:1', body }))).body)) as Record<string, unknown>;
    assert.equal(typeof whole.completion, 'string');
    assert.equal(whole.stop_reason, 'stop_sequence');
    assert.equal(whole.stop, '\n\nHuman:');
    const seen = await chunks((await client.send(new InvokeModelWithResponseStreamCommand({ modelId: 'anthropic.claude-v2:1', body }))).body);
    assert.equal(seen.map((c) => c.completion).join(''), whole.completion);
    assert.deepEqual(seen.at(-1)?.stop_reason, 'stop_sequence');
    assert.ok(seen.at(-1)?.['amazon-bedrock-invocationMetrics']);
  });

  test('Titan Text: results with completionReason, and stream chunks with token totals at the end', async () => {
    const client = server.bedrockRuntime();
    const body = json({ inputText: 'Write a haiku', textGenerationConfig: { maxTokenCount: 5 } });
    const whole = JSON.parse(utf8((await client.send(new InvokeModelCommand({ modelId: 'amazon.titan-text-express-v1', body }))).body)) as {
      inputTextTokenCount: number; results: { tokenCount: number; outputText: string; completionReason: string }[];
    };
    assert.equal(whole.results[0]?.tokenCount, 5);
    assert.equal(whole.results[0]?.completionReason, 'LENGTH');
    const seen = await chunks((await client.send(new InvokeModelWithResponseStreamCommand({ modelId: 'amazon.titan-text-express-v1', body }))).body);
    assert.equal(seen.map((c) => c.outputText).join(''), whole.results[0]?.outputText);
    assert.equal(seen[0]?.inputTextTokenCount, whole.inputTextTokenCount);
    assert.equal(seen.at(-1)?.totalOutputTextTokenCount, 5);
    assert.equal(seen.at(-1)?.completionReason, 'LENGTH');
  });

  test('Titan Embeddings v1 (1536) and v2 (dimensions, embeddingsByType)', async () => {
    const client = server.bedrockRuntime();
    const v1 = JSON.parse(utf8((await client.send(new InvokeModelCommand({ modelId: 'amazon.titan-embed-text-v1', body: json({ inputText: 'hello' }) }))).body)) as {
      embedding: number[]; inputTextTokenCount: number;
    };
    assert.equal(v1.embedding.length, 1536);
    assert.ok(v1.inputTextTokenCount > 0);
    const v2 = JSON.parse(utf8((await client.send(new InvokeModelCommand({
      modelId: 'amazon.titan-embed-text-v2:0',
      body: json({ inputText: 'hello', dimensions: 256, embeddingTypes: ['float', 'binary'] }),
    }))).body)) as { embedding: number[]; embeddingsByType: { float: number[]; binary: number[] } };
    assert.equal(v2.embedding.length, 256);
    assert.ok(Math.abs(Math.hypot(...v2.embedding) - 1) < 1e-6);
    assert.deepEqual(v2.embeddingsByType.float, v2.embedding);
    assert.equal(v2.embeddingsByType.binary.length, 256);
    await assert.rejects(
      client.send(new InvokeModelCommand({ modelId: 'amazon.titan-embed-text-v2:0', body: json({ inputText: 'x', dimensions: 300 }) })),
      (error: unknown) => error instanceof ValidationException && /dimensions/.test(error.message),
    );
  });

  test('Titan Image Generator: real PNGs of the requested size', async () => {
    const client = server.bedrockRuntime();
    const body = json({ taskType: 'TEXT_IMAGE', textToImageParams: { text: 'a lighthouse' }, imageGenerationConfig: { numberOfImages: 2, width: 320, height: 256 } });
    const answer = JSON.parse(utf8((await client.send(new InvokeModelCommand({ modelId: 'amazon.titan-image-generator-v2:0', body }))).body)) as { images: string[]; error: null };
    assert.equal(answer.images.length, 2);
    assert.equal(answer.error, null);
    const png = Buffer.from(answer.images[0] ?? '', 'base64');
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [320, 256]);
    const idatLength = png.readUInt32BE(33);
    assert.equal(inflateSync(png.subarray(41, 41 + idatLength)).length, 256 * (320 * 3 + 1));
  });

  test('malformed bodies are ValidationException in Bedrock’s schema wording', async () => {
    const client = server.bedrockRuntime();
    const rejects = (modelId: string, body: Uint8Array, text: string) =>
      assert.rejects(client.send(new InvokeModelCommand({ modelId, body })), (error: unknown) => {
        assert.ok(error instanceof ValidationException, String(error));
        assert.equal(error.$metadata.httpStatusCode, 400);
        assert.equal(error.message, text);
        return true;
      });
    await rejects(HAIKU, json({ anthropic_version: 'bedrock-2023-05-31', messages: [] }),
      'Malformed input request: #: required key [max_tokens] not found, please reformat your input and try again.');
    await rejects(HAIKU, new TextEncoder().encode('not json'), 'Malformed input request: #: the body is not valid JSON, please reformat your input and try again.');
    await rejects('amazon.titan-text-express-v1', json({ textGenerationConfig: {} }),
      'Malformed input request: #: required key [inputText] not found, please reformat your input and try again.');
    await rejects('acme.nothing-v1', json({}), 'The provided model identifier is invalid.');
    await assert.rejects(
      client.send(new InvokeModelWithResponseStreamCommand({ modelId: 'amazon.titan-embed-text-v1', body: json({ inputText: 'x' }) })),
      (error: unknown) => error instanceof ValidationException && error.message === 'The model is unsupported for streaming.',
    );
  });

  test('a failing backend: ModelErrorException for InvokeModel, in-stream modelStreamErrorException for the stream', async () => {
    const client = server.bedrockRuntime();
    await assert.rejects(client.send(new InvokeModelCommand({ modelId: FAILING, body: json(messagesBody) })), (error: unknown) => (error as Error).name === 'ModelErrorException');
    const response = await client.send(new InvokeModelWithResponseStreamCommand({ modelId: FAILING, body: json(messagesBody) }));
    await assert.rejects(chunks(response.body), (error: unknown) => (error as Error).name === 'ModelStreamErrorException');
  });
});
