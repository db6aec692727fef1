import { describe, it, test } from 'node:test';
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import assert from 'node:assert/strict';
import { ServiceError } from '../../kernel/index.js';
import type { WireRequest } from '../wire.js';
import { createAwsJsonCodec } from './aws-json-codec.js';

const codec = createAwsJsonCodec({ version: '1.1', targetPrefix: 'Logs_20140328' });

function request(target: string | undefined, body: string, contentType = 'application/x-amz-json-1.1'): WireRequest {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (target !== undefined) headers['x-amz-target'] = target;
  return { method: 'POST', path: '/', rawQuery: '', query: new URLSearchParams(), headers, body: Buffer.from(body) };
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ServiceError);
    return error.code;
  }
  assert.fail('expected a ServiceError');
}

test('decodes the operation from X-Amz-Target and the input from the JSON body', () => {
  const call = codec.decode(request('Logs_20140328.CreateLogGroup', '{"logGroupName":"g"}'));
  assert.deepEqual(call, { operation: 'CreateLogGroup', input: { logGroupName: 'g' } });
  assert.deepEqual(codec.decode(request('Logs_20140328.DescribeLogGroups', '')).input, {});
});

test('malformed or non-object JSON is a SerializationException', () => {
  assert.equal(codeOf(() => codec.decode(request('Logs_20140328.CreateLogGroup', '{"a":'))), 'SerializationException');
  assert.equal(codeOf(() => codec.decode(request('Logs_20140328.CreateLogGroup', '[1]'))), 'SerializationException');
});

test('garbage targets and foreign content types are UnknownOperationException', () => {
  assert.equal(codeOf(() => codec.decode(request('Nope.CreateLogGroup', '{}'))), 'UnknownOperationException');
  assert.equal(codeOf(() => codec.decode(request('Logs_20140328.', '{}'))), 'UnknownOperationException');
  assert.equal(codeOf(() => codec.decode(request('Logs_20140328.X', '{}', 'text/plain'))), 'UnknownOperationException');
});

test('errors carry __type, message, modeled members and the request id', () => {
  const error = new ServiceError('TooManyTagsException', 'too many', { members: { resourceName: 'arn:x' } });
  const response = codec.encodeError(error, 'req-1');
  assert.equal(response.status, 400);
  assert.equal(response.headers['x-amzn-requestid'], 'req-1');
  assert.deepEqual(JSON.parse(String(response.body)), { __type: 'TooManyTagsException', message: 'too many', resourceName: 'arn:x' });
});

test('query-compatible services add x-amzn-query-error with the query code and fault side', () => {
  const cw = createAwsJsonCodec({ version: '1.0', targetPrefix: 'GraniteServiceVersion20100801', queryCompatible: true });
  const response = cw.encodeError(new ServiceError('ResourceNotFoundException', 'gone', { queryCode: 'ResourceNotFound' }), 'r');
  assert.equal(response.headers['x-amzn-query-error'], 'ResourceNotFound;Sender');
  assert.equal(response.headers['content-type'], 'application/x-amz-json-1.0');
  const fault = cw.encodeError(new ServiceError('InternalServiceFault', 'x', { fault: 'server' }), 'r');
  assert.equal(fault.status, 500);
  assert.equal(fault.headers['x-amzn-query-error'], 'InternalServiceFault;Receiver');
});

describe('awsJson event-stream outputs', () => {
  const union = { events: { sessionStart: 'LiveTailSessionStart', sessionUpdate: 'LiveTailSessionUpdate' }, exceptions: { SessionTimeoutException: 'SessionTimeoutException' } };
  const codec = createAwsJsonCodec({ version: '1.1', targetPrefix: 'Logs_20140328', eventStreams: { StartLiveTail: { member: 'responseStream', union } } });

  it('frames the stream member, each event as it comes, and a thrown ServiceError as its modeled exception', async () => {
    async function* events(): AsyncGenerator<unknown> {
      yield { sessionStart: { sessionId: 's1' } };
      yield { sessionUpdate: { sessionResults: [] } };
      throw new ServiceError('SessionTimeoutException', 'Session timed out.');
    }
    const response = codec.encodeOutput({ operation: 'StartLiveTail', input: {} }, { responseStream: events() }, 'req-1');
    assert.equal(response.headers['content-type'], 'application/vnd.amazon.eventstream');
    assert.equal(response.headers['x-amzn-requestid'], 'req-1');
    assert.ok(response.stream !== undefined);
    const marshaller = new EventStreamCodec(toUtf8, fromUtf8);
    const frames: ReturnType<EventStreamCodec["decode"]>[] = [];
    for await (const chunk of response.stream) frames.push(marshaller.decode(chunk));
    const header = (i: number, name: string): unknown => frames[i]?.headers[name]?.value;
    assert.deepEqual([header(0, ':event-type'), header(1, ':event-type'), header(2, ':exception-type')], ['sessionStart', 'sessionUpdate', 'SessionTimeoutException']);
    assert.deepEqual(JSON.parse(toUtf8(frames[0]?.body ?? new Uint8Array())), { sessionId: 's1' });
    assert.deepEqual(JSON.parse(toUtf8(frames[2]?.body ?? new Uint8Array())), { message: 'Session timed out.' });
  });

  it('answers plain JSON for operations without a stream', () => {
    const response = codec.encodeOutput({ operation: 'DescribeLogGroups', input: {} }, { logGroups: [] }, 'req-2');
    assert.equal(response.stream, undefined);
    assert.equal(response.body, '{"logGroups":[]}');
  });
});
