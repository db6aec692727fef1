import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ServiceError } from '../kernel/index.js';
import type { AuthConfig } from './auth-config.js';
import { authenticate } from './authenticate.js';
import { signWireRequest, withChanges, type TestRequest } from './testdata/sign-wire-request.js';

const SIGNED_AT = new Date('2024-05-01T12:00:00Z');
const config: AuthConfig = {
  mode: 'strict',
  keys: new Map([['AKIAROOTKEY000000001', { secretAccessKey: 'root-secret', accountId: '111111111111' }]]),
  defaultAccount: '000000000000',
  acceptTestCredentials: false,
};
const stsCall: TestRequest = { method: 'GET', query: { Action: 'GetCallerIdentity', Version: '2011-06-15' } };

function presign(req: TestRequest, service: string, expiresIn: number, sessionToken?: string) {
  return signWireRequest(req, {
    service,
    accessKeyId: 'AKIAROOTKEY000000001',
    secretAccessKey: 'root-secret',
    date: SIGNED_AT,
    presignExpiresIn: expiresIn,
    ...(sessionToken === undefined ? {} : { sessionToken }),
  });
}

async function code(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const e = await promise.then(() => assert.fail('expected a rejection'), (err: unknown) => err);
  assert.ok(e instanceof ServiceError);
  return { code: e.code, message: e.message };
}

describe('authenticate (presigned URLs)', () => {
  it('accepts a presigned STS URL within its lifetime', async () => {
    const request = await presign(stsCall, 'sts', 900);
    assert.equal(request.headers['authorization'], undefined);
    assert.equal(request.query.get('X-Amz-Expires'), '900');
    const { caller, signingName } = await authenticate(request, config, SIGNED_AT.getTime() + 10 * 60_000);
    assert.equal(signingName, 'sts');
    assert.equal(caller.accountId, '111111111111');
  });

  it('rejects it after X-Amz-Expires', async () => {
    const request = await presign(stsCall, 'sts', 60);
    await authenticate(request, config, SIGNED_AT.getTime() + 60_000);
    assert.deepEqual(await code(authenticate(request, config, SIGNED_AT.getTime() + 61_000)), {
      code: 'InvalidSignatureException',
      message: 'Signature expired: 20240501T120000Z is now earlier than 20240501T120001Z (20240501T120101Z - 1 min.)',
    });
  });

  it('rejects tampered query parameters and a wrong key', async () => {
    const request = await presign(stsCall, 'sts', 900);
    const rawQuery = request.rawQuery.replace('GetCallerIdentity', 'AssumeRole');
    assert.equal((await code(authenticate(withChanges(request, { rawQuery }), config, SIGNED_AT.getTime()))).code, 'InvalidSignatureException');
    const forged = request.rawQuery.replace(/X-Amz-Signature=[0-9a-f]+/, `X-Amz-Signature=${'0'.repeat(64)}`);
    assert.equal((await code(authenticate(withChanges(request, { rawQuery: forged }), config, SIGNED_AT.getTime()))).code, 'InvalidSignatureException');
  });

  it('accepts presigned S3 URLs (UNSIGNED-PAYLOAD, path not re-encoded)', async () => {
    // As @aws-sdk/s3-request-presigner does: the header is hoisted into X-Amz-Content-Sha256.
    const req: TestRequest = { method: 'GET', path: '/bucket/a%20key.json', headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } };
    const request = await presign(req, 's3', 3600);
    assert.equal(request.query.get('x-amz-content-sha256'), 'UNSIGNED-PAYLOAD');
    const { signingName } = await authenticate(withChanges(request, { body: Buffer.from('ignored') }), config, SIGNED_AT.getTime());
    assert.equal(signingName, 's3');
  });

  it('accepts a presigned URL carrying a session token', async () => {
    const request = await presign(stsCall, 'sts', 900, 'token-1');
    assert.equal(request.query.get('X-Amz-Security-Token'), 'token-1');
    await authenticate(request, config, SIGNED_AT.getTime());
  });

  it('names every missing presigning parameter', async () => {
    const request = await presign(stsCall, 'sts', 900);
    const q = new URLSearchParams(request.rawQuery);
    q.delete('X-Amz-Credential');
    q.delete('X-Amz-Date');
    assert.deepEqual(await code(authenticate(withChanges(request, { rawQuery: q.toString() }), config, SIGNED_AT.getTime())), {
      code: 'IncompleteSignatureException',
      message:
        "AWS query-string parameters must include 'X-Amz-Credential'. AWS query-string parameters must include " +
        "'X-Amz-Date'. Re-examine the query-string parameters.",
    });
  });
});
