import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { ServiceError } from '../../kernel/index.js';
import { bedrockRuntimeRestBindings, bedrockRuntimeShapes } from '../../models/bedrock-runtime/index.js';
import { bedrockRestBindings, bedrockShapes } from '../../models/bedrock/index.js';
import type { WireRequest } from '../wire.js';
import { createRestJsonCodec } from './rest-json-codec.js';

const runtime = createRestJsonCodec({ bindings: bedrockRuntimeRestBindings, shapes: bedrockRuntimeShapes });
const control = createRestJsonCodec({ bindings: bedrockRestBindings, shapes: bedrockShapes });

function request(method: string, url: string, headers: Record<string, string> = {}, body = ''): WireRequest {
  const [path = '', rawQuery = ''] = url.split('?');
  return { method, path, rawQuery, query: new URLSearchParams(rawQuery), headers, body: Buffer.from(body) };
}

describe('rest-json codec', () => {
  test('a model id with an encoded colon and JSON body members, blobs as base64', () => {
    const body = JSON.stringify({ messages: [{ role: 'user', content: [{ image: { format: 'png', source: { bytes: 'AAEC' } } }] }], other: 1 });
    const call = runtime.decode(request('POST', '/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse', {}, body));
    assert.equal(call.operation, 'Converse');
    const input = call.input as { modelId: string; messages: { content: { image: { source: { bytes: Uint8Array } } }[] }[] };
    assert.equal(input.modelId, 'anthropic.claude-3-haiku-20240307-v1:0');
    assert.deepEqual([...(input.messages[0]?.content[0]?.image.source.bytes ?? [])], [0, 1, 2]);
    assert.equal('other' in input, false);
  });

  test('an ARN whose slash arrives encoded stays one label', () => {
    const arn = 'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0';
    const call = runtime.decode(request('POST', `/model/${encodeURIComponent(arn)}/converse-stream`, {}, '{}'));
    assert.equal(call.operation, 'ConverseStream');
    assert.equal((call.input as { modelId: string }).modelId, arn);
  });

  test('InvokeModel: raw payload and header members', () => {
    const call = runtime.decode(
      request('POST', '/model/amazon.titan-text-express-v1/invoke', {
        'content-type': 'application/json',
        'x-amzn-bedrock-request-metadata': '{"team":"a"}',
        'x-amzn-bedrock-performanceconfig-latency': 'optimized',
      }, '{"inputText":"hi"}'),
    );
    const input = call.input as Record<string, unknown>;
    assert.equal(call.operation, 'InvokeModel');
    assert.equal(Buffer.from(input.body as Uint8Array).toString(), '{"inputText":"hi"}');
    assert.equal(input.contentType, 'application/json');
    assert.equal(input.requestMetadata, '{"team":"a"}');
    assert.equal(input.performanceConfigLatency, 'optimized');
  });

  test('query-string members and the most specific template', () => {
    const list = control.decode(request('GET', '/foundation-models?byProvider=Anthropic&byOutputModality=TEXT'));
    assert.deepEqual(list, { operation: 'ListFoundationModels', input: { byProvider: 'Anthropic', byOutputModality: 'TEXT' } });
    const get = control.decode(request('GET', '/foundation-models/anthropic.claude-v2%3A1'));
    assert.deepEqual(get, { operation: 'GetFoundationModel', input: { modelIdentifier: 'anthropic.claude-v2:1' } });
  });

  test('unknown paths and methods are UnknownOperationException', () => {
    assert.throws(() => runtime.decode(request('POST', '/model/x/nothing')), (e: ServiceError) => e.code === 'UnknownOperationException' && e.httpStatus === 404);
    assert.throws(() => runtime.decode(request('GET', '/model/x/converse')), (e: ServiceError) => e.httpStatus === 405);
  });

  test('malformed JSON is a SerializationException', () => {
    assert.throws(() => runtime.decode(request('POST', '/model/x/converse', {}, '{')), (e: ServiceError) => e.code === 'SerializationException');
  });

  test('outputs: blob payload with header members, and JSON bodies', () => {
    const invoke = runtime.encodeOutput(
      { operation: 'InvokeModel', input: {} },
      { body: new Uint8Array(Buffer.from('{"a":1}')), contentType: 'application/json', inputTokenCount: 3, outputTokenCount: 5 },
      'req-1',
    );
    assert.equal(invoke.status, 200);
    assert.equal(invoke.body.toString(), '{"a":1}');
    assert.equal(invoke.headers['content-type'], 'application/json');
    assert.equal(invoke.headers['x-amzn-bedrock-input-token-count'], '3');
    assert.equal(invoke.headers['x-amzn-bedrock-output-token-count'], '5');
    assert.equal(invoke.headers['x-amzn-requestid'], 'req-1');
    const converse = runtime.encodeOutput({ operation: 'CountTokens', input: {} }, { inputTokens: 7 }, 'r');
    assert.equal(converse.body, '{"inputTokens":7}');
  });

  test('errors: the model status, x-amzn-ErrorType and a message body', () => {
    const throttled = runtime.encodeError(new ServiceError('ThrottlingException', 'Too many requests'), 'r');
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers['x-amzn-errortype'], 'ThrottlingException');
    assert.deepEqual(JSON.parse(String(throttled.body)), { message: 'Too many requests' });
    const model = runtime.encodeError(new ServiceError('ModelErrorException', 'boom', { members: { originalStatusCode: 500 } }), 'r');
    assert.equal(model.status, 424);
    assert.deepEqual(JSON.parse(String(model.body)), { message: 'boom', originalStatusCode: 500 });
  });

  test('event-stream outputs are framed, exceptions become in-stream exceptions', async () => {
    async function* events(): AsyncGenerator<unknown> {
      yield { messageStart: { role: 'assistant' } };
      yield { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'Hi' } } };
      throw new ServiceError('ModelStreamErrorException', 'upstream broke', { members: { originalStatusCode: 500 } });
    }
    const response = runtime.encodeOutput({ operation: 'ConverseStream', input: {} }, { stream: events() }, 'r');
    assert.equal(response.headers['content-type'], 'application/vnd.amazon.eventstream');
    assert.ok(response.stream);
    const codec = new EventStreamCodec(toUtf8, fromUtf8);
    const messages = [];
    for await (const frame of response.stream) messages.push(codec.decode(frame));
    assert.deepEqual(Object.keys(messages[0]?.headers ?? {}), [':event-type', ':content-type', ':message-type']);
    assert.equal(messages[0]?.headers[':event-type']?.value, 'messageStart');
    assert.deepEqual(JSON.parse(toUtf8(messages[1]?.body ?? new Uint8Array())), { contentBlockIndex: 0, delta: { text: 'Hi' } });
    assert.equal(messages[2]?.headers[':message-type']?.value, 'exception');
    assert.equal(messages[2]?.headers[':exception-type']?.value, 'modelStreamErrorException');
    assert.deepEqual(JSON.parse(toUtf8(messages[2]?.body ?? new Uint8Array())), { message: 'upstream broke', originalStatusCode: 500 });
  });

  test('chunk bytes are base64 and unmodeled errors are error frames', async () => {
    async function* chunks(): AsyncGenerator<unknown> {
      yield { chunk: { bytes: new Uint8Array(Buffer.from('{"x":1}')) } };
      throw new ServiceError('AccessDeniedException', 'nope');
    }
    const codec = new EventStreamCodec(toUtf8, fromUtf8);
    const response = runtime.encodeOutput({ operation: 'InvokeModelWithResponseStream', input: {} }, { body: chunks(), contentType: 'application/json' }, 'r');
    assert.equal(response.headers['x-amzn-bedrock-content-type'], 'application/json');
    const frames = [];
    for await (const frame of response.stream ?? []) frames.push(codec.decode(frame));
    const chunk = JSON.parse(toUtf8(frames[0]?.body ?? new Uint8Array())) as { bytes: string };
    assert.equal(Buffer.from(chunk.bytes, 'base64').toString(), '{"x":1}');
    assert.equal(frames[1]?.headers[':message-type']?.value, 'error');
    assert.equal(frames[1]?.headers[':error-code']?.value, 'AccessDeniedException');
  });
});
