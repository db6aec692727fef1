import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAwsJsonCodec } from './aws-json/index.js';
import { createRouter } from './router.js';
import type { WireRequest } from './wire.js';

const codec = createAwsJsonCodec({ version: '1.1', targetPrefix: 'X' });
const router = createRouter([
  { rule: { kind: 'json-target', targetPrefix: 'Logs_20140328' }, codec, target: 'logs' },
  { rule: { kind: 'path-prefix', pathPrefix: '/model/', signingName: 'bedrock' }, codec, target: 'runtime' },
  { rule: { kind: 'query-version', version: '2011-06-15', signingName: 'sts' }, codec, target: 'sts' },
]);

function request(parts: Partial<WireRequest>): WireRequest {
  return { method: 'POST', path: '/', rawQuery: '', query: new URLSearchParams(), headers: {}, body: Buffer.alloc(0), ...parts };
}

test('X-Amz-Target decides first and an unknown prefix claims nothing', () => {
  assert.equal(router.route(request({ headers: { 'x-amz-target': 'Logs_20140328.PutLogEvents' } }), 'logs')?.target, 'logs');
  assert.equal(router.route(request({ headers: { 'x-amz-target': 'Garbage.PutLogEvents' } }), 'logs'), undefined);
});

test('REST paths are claimed within their signing name', () => {
  assert.equal(router.route(request({ path: '/model/m/invoke' }), 'bedrock')?.target, 'runtime');
  assert.equal(router.route(request({ path: '/model/m/invoke' }), 's3'), undefined);
});

test('awsQuery requests are claimed by their Version, from the form body or the query string', () => {
  const form = request({
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: Buffer.from('Action=GetCallerIdentity&Version=2011-06-15'),
  });
  assert.equal(router.route(form, 'sts')?.target, 'sts');
  const get = request({ method: 'GET', query: new URLSearchParams('Action=GetCallerIdentity&Version=2011-06-15') });
  assert.equal(router.route(get, undefined)?.target, 'sts');
});

test('a signing-name rule claims any path and method of its service, before path rules without a signing name', () => {
  const s3Router = createRouter([
    { rule: { kind: 'path-prefix', pathPrefix: '/model/', signingName: 'bedrock' }, codec, target: 'runtime' },
    { rule: { kind: 'path-prefix', pathPrefix: '/model/' }, codec, target: 'bearer-runtime' },
    { rule: { kind: 'signing-name', signingName: 's3' }, codec, target: 's3' },
  ]);
  assert.equal(s3Router.route(request({ method: 'PUT', path: '/bucket/key' }), 's3')?.target, 's3');
  assert.equal(s3Router.route(request({ method: 'GET', path: '/model/x' }), 's3')?.target, 's3');
  assert.equal(s3Router.route(request({ path: '/model/x' }), 'bedrock')?.target, 'runtime');
  assert.equal(s3Router.route(request({ method: 'GET', path: '/bucket' }), undefined), undefined);
});
