import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cbor, tag } from '@smithy/core/cbor';
import { ServiceError } from '../../kernel/index.js';
import type { QueryServiceShapes } from '../aws-query/index.js';
import type { WireRequest } from '../wire.js';
import { createRpcV2CborCodec } from './rpcv2-cbor-codec.js';

const shapes: QueryServiceShapes = {
  xmlNamespace: 'urn:demo',
  version: '2020-01-01',
  operations: { GetThing: { input: 'GetThingInput', output: 'GetThingOutput' } },
  shapes: {
    GetThingInput: { type: 'structure', members: { When: 'timestamp', Data: 'blob' } },
    GetThingOutput: { type: 'structure', members: { Results: { type: 'list', member: 'Result' }, Label: 'string' } },
    Result: { type: 'structure', members: { Timestamps: { type: 'list', member: 'timestamp' }, At: 'timestamp', Raw: 'blob', Values: { type: 'list', member: 'number' } } },
  },
};
const codec = createRpcV2CborCodec({ serviceName: 'Demo2020', shapes, queryCompatible: true });

function request(operation: string, body: Uint8Array | Buffer, method = 'POST'): WireRequest {
  return {
    method, path: `/service/Demo2020/operation/${operation}`, rawQuery: '', query: new URLSearchParams(),
    headers: { 'content-type': 'application/cbor', 'smithy-protocol': 'rpc-v2-cbor' }, body: Buffer.from(body),
  };
}

test('decode takes the operation from the path and yields the JSON codec plain form', () => {
  const body = cbor.serialize({
    When: tag({ tag: 1, value: 1700000000.5 }), Data: new Uint8Array([1, 2, 3]), Count: 7n, Nested: { Gone: null, Kept: [tag({ tag: 1, value: 12 })] },
  });
  const call = codec.decode(request('GetThing', body));
  assert.equal(call.operation, 'GetThing');
  assert.deepEqual(call.input, { When: 1700000000.5, Data: 'AQID', Count: 7, Nested: { Kept: [12] } });
});

test('an empty body is an empty input', () => {
  assert.deepEqual(codec.decode(request('GetThing', Buffer.alloc(0))).input, {});
});

test('a bad path, method or body is rejected with the protocol errors', () => {
  const unknown = { path: '/service/Other/operation/GetThing' };
  assert.throws(() => codec.decode({ ...request('GetThing', Buffer.alloc(0)), ...unknown }), { code: 'UnknownOperationException' });
  assert.throws(() => codec.decode(request('GetThing', Buffer.alloc(0), 'GET')), { code: 'UnknownOperationException' });
  assert.throws(() => codec.decode(request('GetThing', Buffer.from([0xff, 0x00]))), { code: 'SerializationException' });
  assert.throws(() => codec.decode(request('GetThing', cbor.serialize([1, 2]))), { code: 'SerializationException' });
});

test('outputs are CBOR with timestamps as tag 1 and blobs as byte strings, following the output shape', () => {
  const response = codec.encodeOutput({ operation: 'GetThing', input: {} }, {
    Label: 'x', Unset: undefined,
    Results: [{ Timestamps: [1700000000, '2023-11-14T22:13:21Z'], At: new Date(1_700_000_002_000), Raw: 'AQID', Values: [1.5, 2] }],
  }, 'req-1');
  assert.equal(response.status, 200);
  assert.equal(response.headers['content-type'], 'application/cbor');
  assert.equal(response.headers['smithy-protocol'], 'rpc-v2-cbor');
  assert.equal(response.headers['x-amzn-requestid'], 'req-1');
  const decoded = cbor.deserialize(new Uint8Array(response.body as Buffer)) as Record<string, unknown>;
  assert.equal(decoded.Label, 'x');
  assert.equal('Unset' in decoded, false);
  const result = (decoded.Results as Array<Record<string, unknown>>)[0];
  assert.ok(result !== undefined);
  assert.deepEqual(result.Timestamps, [tag({ tag: 1, value: 1700000000 }), tag({ tag: 1, value: 1700000001 })]);
  assert.deepEqual(result.At, tag({ tag: 1, value: 1700000002 }));
  assert.deepEqual(result.Raw, new Uint8Array([1, 2, 3]));
  assert.deepEqual(result.Values, [1.5, 2]);
});

test('an undefined output is an empty map', () => {
  const response = codec.encodeOutput({ operation: 'Nothing', input: {} }, undefined, 'req-2');
  assert.deepEqual(cbor.deserialize(new Uint8Array(response.body as Buffer)), {});
});

test('errors carry __type, message, members and the query-compatible header', () => {
  const error = new ServiceError('InvalidParameterValueException', 'bad value', { queryCode: 'InvalidParameterValue', members: { Field: 'X' } });
  const response = codec.encodeError(error, 'req-3');
  assert.equal(response.status, 400);
  assert.equal(response.headers['x-amzn-query-error'], 'InvalidParameterValue;Sender');
  assert.equal(response.headers['smithy-protocol'], 'rpc-v2-cbor');
  assert.deepEqual(cbor.deserialize(new Uint8Array(response.body as Buffer)), { Field: 'X', __type: 'InvalidParameterValueException', message: 'bad value' });
  const fault = codec.encodeError(new ServiceError('InternalServiceFault', 'oops', { fault: 'server', httpStatus: 500 }), 'req-4');
  assert.equal(fault.status, 500);
  assert.equal(fault.headers['x-amzn-query-error'], 'InternalServiceFault;Receiver');
});

test('without queryCompatible there is no query header', () => {
  const plain = createRpcV2CborCodec({ serviceName: 'Demo2020' });
  const response = plain.encodeError(new ServiceError('ValidationException', 'no'), 'req-5');
  assert.equal(response.headers['x-amzn-query-error'], undefined);
});
