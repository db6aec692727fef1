import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WireRequest } from '../protocols/wire.js';
import type { AuthConfig } from './auth-config.js';
import { authenticate } from './authenticate.js';
import { parseBearerTokens } from './bearer-token.js';

const config: AuthConfig = {
  mode: 'strict',
  keys: new Map(),
  defaultAccount: '000000000000',
  acceptTestCredentials: false,
  bearerTokens: parseBearerTokens({ 'key-0123456789': { accountId: '123456789012', userName: 'alice' } }),
};
const request = (authorization: string): WireRequest => ({
  method: 'POST', path: '/model/x/converse', rawQuery: '', query: new URLSearchParams(), headers: { authorization }, body: Buffer.alloc(0),
});

test('a configured bearer token is its owner, under the signing name bedrock', async () => {
  const call = await authenticate(request('Bearer key-0123456789'), config, 0);
  assert.equal(call.signingName, 'bedrock');
  assert.equal(call.caller.accountId, '123456789012');
  assert.equal(call.caller.arn, 'arn:aws:iam::123456789012:user/alice');
});

test('unknown tokens are refused in strict mode and the default account in permissive mode', async () => {
  await assert.rejects(authenticate(request('Bearer other-token-1'), config, 0), { name: 'UnrecognizedClientException' });
  const permissive = await authenticate(request('Bearer other-token-1'), { ...config, mode: 'permissive' }, 0);
  assert.equal(permissive.caller.accountId, '000000000000');
});

test('the token section is checked', () => {
  assert.throws(() => parseBearerTokens({ short: { accountId: '123456789012' } }), /at least 8 characters/);
  assert.throws(() => parseBearerTokens({ 'long-enough-token': { accountId: '12' } }), /accountId/);
  assert.equal(parseBearerTokens(undefined).size, 0);
});
