import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ServiceError } from '../kernel/index.js';
import type { AuthConfig } from './auth-config.js';
import { authenticate } from './authenticate.js';
import { signWireRequest, withChanges, type TestRequest } from './testdata/sign-wire-request.js';

const SIGNED_AT = new Date('2024-05-01T12:00:00Z');
const NOW = SIGNED_AT.getTime() + 60_000;

const strict: AuthConfig = {
  mode: 'strict',
  keys: new Map([
    ['AKIAROOTKEY000000001', { secretAccessKey: 'root-secret', accountId: '111111111111' }],
    ['AKIAUSERKEY000000001', { secretAccessKey: 'alice-secret', accountId: '222222222222', userName: 'alice' }],
  ]),
  defaultAccount: '000000000000',
  acceptTestCredentials: false,
};

const logsCall: TestRequest = {
  headers: {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': 'Logs_20140328.PutLogEvents',
  },
  body: '{"logGroupName":"g","logStreamName":"s","logEvents":[{"timestamp":1,"message":"hi"}]}',
};

function signAs(accessKeyId: string, secretAccessKey: string, req: TestRequest = logsCall, service = 'logs') {
  return signWireRequest(req, { service, region: 'eu-west-1', accessKeyId, secretAccessKey, date: SIGNED_AT });
}

async function rejects(promise: Promise<unknown>, code: string, message?: string | RegExp): Promise<ServiceError> {
  const error = await promise.then(
    () => assert.fail(`expected ${code}`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ServiceError, `expected ServiceError, got ${String(error)}`);
  assert.equal(error.code, code, error.message);
  assert.equal(error.httpStatus, 400);
  if (typeof message === 'string') assert.equal(error.message, message);
  else if (message) assert.match(error.message, message);
  return error;
}

describe('authenticate (strict, Authorization header)', () => {
  it('accepts a correctly signed request and reports the root caller', async () => {
    const request = await signAs('AKIAROOTKEY000000001', 'root-secret');
    const { caller, signingName } = await authenticate(request, strict, NOW);
    assert.equal(signingName, 'logs');
    assert.deepEqual(caller, {
      accountId: '111111111111',
      region: 'eu-west-1',
      accessKeyId: 'AKIAROOTKEY000000001',
      arn: 'arn:aws:iam::111111111111:root',
      userId: '111111111111',
    });
  });

  it('reports an IAM user for a key with a user name', async () => {
    const { caller } = await authenticate(await signAs('AKIAUSERKEY000000001', 'alice-secret'), strict, NOW);
    assert.equal(caller.arn, 'arn:aws:iam::222222222222:user/alice');
    assert.equal(caller.userId, 'AKIAUSERKEY000000001');
    assert.equal(caller.accountId, '222222222222');
  });

  it('verifies double-encoded paths and query strings (non-S3)', async () => {
    const req: TestRequest = {
      method: 'GET',
      path: '/model/anthropic.claude-3%3A0/converse',
      query: { 'next token': 'a b+c/d', empty: '' },
    };
    const { signingName } = await authenticate(await signAs('AKIAROOTKEY000000001', 'root-secret', req, 'bedrock'), strict, NOW);
    assert.equal(signingName, 'bedrock');
  });

  it('verifies S3 requests signed over the path as sent, with x-amz-content-sha256', async () => {
    const req: TestRequest = { method: 'PUT', path: '/bucket/some%20key/a%2Bb.json', body: 'object body' };
    const request = await signAs('AKIAROOTKEY000000001', 'root-secret', req, 's3');
    assert.match(request.headers['x-amz-content-sha256'] ?? '', /^[0-9a-f]{64}$/);
    await authenticate(request, strict, NOW);
    await rejects(authenticate(withChanges(request, { body: Buffer.from('other body') }), strict, NOW), 'XAmzContentSHA256Mismatch');
  });

  it('honours UNSIGNED-PAYLOAD in x-amz-content-sha256', async () => {
    const req: TestRequest = { method: 'PUT', path: '/b/k', headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }, body: 'x' };
    const request = await signAs('AKIAROOTKEY000000001', 'root-secret', req, 's3');
    await authenticate(withChanges(request, { body: Buffer.from('anything') }), strict, NOW);
  });

  it('rejects a tampered body, signed header, path or query', async () => {
    const request = await signAs('AKIAROOTKEY000000001', 'root-secret');
    const tampered = [
      withChanges(request, { body: Buffer.from(logsCall.body!.replace('hi', 'ho')) }),
      withChanges(request, { headers: { ...request.headers, 'x-amz-target': 'Logs_20140328.DeleteLogGroup' } }),
      withChanges(request, { path: '/other' }),
      withChanges(request, { rawQuery: 'a=1' }),
      withChanges(request, { method: 'PUT' }),
    ];
    for (const t of tampered) {
      await rejects(
        authenticate(t, strict, NOW),
        'InvalidSignatureException',
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret ' +
          'Access Key and signing method. Consult the service documentation for details.',
      );
    }
  });

  it('ignores headers the client did not sign', async () => {
    const request = await signAs('AKIAROOTKEY000000001', 'root-secret');
    await authenticate(withChanges(request, { headers: { ...request.headers, 'user-agent': 'proxy/1.0', 'x-extra': '1' } }), strict, NOW);
  });

  it('rejects a wrong secret, and an unknown access key', async () => {
    await rejects(authenticate(await signAs('AKIAROOTKEY000000001', 'wrong'), strict, NOW), 'InvalidSignatureException');
    await rejects(
      authenticate(await signAs('AKIAUNKNOWN000000000', 'x'), strict, NOW),
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  });

  it('rejects a changed X-Amz-Date, and one that disagrees with the credential scope', async () => {
    const request = await signAs('AKIAROOTKEY000000001', 'root-secret');
    const later = withChanges(request, { headers: { ...request.headers, 'x-amz-date': '20240501T120001Z' } });
    await rejects(authenticate(later, strict, NOW), 'InvalidSignatureException');
    const otherDay = withChanges(request, { headers: { ...request.headers, 'x-amz-date': '20240502T000000Z' } });
    await rejects(
      authenticate(otherDay, strict, Date.parse('2024-05-02T00:00:00Z')),
      'InvalidSignatureException',
      "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20240501' != '20240502', from '20240502T000000Z'.",
    );
    const garbage = withChanges(request, { headers: { ...request.headers, 'x-amz-date': '2024-05-01' } });
    await rejects(
      authenticate(garbage, strict, NOW),
      'IncompleteSignatureException',
      "Date must be in ISO-8601 'basic format'. Got '2024-05-01'. See http://en.wikipedia.org/wiki/ISO_8601",
    );
  });

  it('enforces the 15-minute clock skew with AWS texts', async () => {
    const request = await signAs('AKIAROOTKEY000000001', 'root-secret');
    await authenticate(request, strict, SIGNED_AT.getTime() + 15 * 60_000);
    await authenticate(request, strict, SIGNED_AT.getTime() - 15 * 60_000);
    await rejects(
      authenticate(request, strict, Date.parse('2024-05-01T12:20:00Z')),
      'InvalidSignatureException',
      'Signature expired: 20240501T120000Z is now earlier than 20240501T120500Z (20240501T122000Z - 15 min.)',
    );
    await rejects(
      authenticate(request, strict, Date.parse('2024-05-01T11:40:00Z')),
      'InvalidSignatureException',
      'Signature not yet current: 20240501T120000Z is still later than 20240501T115500Z (20240501T114000Z + 15 min.)',
    );
  });

  it('answers MissingAuthenticationToken when nothing is signed', async () => {
    const request = await signAs('AKIAROOTKEY000000001', 'root-secret');
    const { authorization: _dropped, ...headers } = request.headers;
    await rejects(
      authenticate(withChanges(request, { headers }), strict, NOW),
      'MissingAuthenticationTokenException',
      'Request is missing Authentication Token',
    );
  });

  it('answers IncompleteSignature for malformed Authorization headers', async () => {
    const request = await signAs('AKIAROOTKEY000000001', 'root-secret');
    const withAuth = (authorization: string, drop: readonly string[] = []) => {
      const headers: Record<string, string> = { ...request.headers, authorization };
      for (const name of drop) delete headers[name];
      return authenticate(withChanges(request, { headers }), strict, NOW);
    };
    await rejects(
      withAuth('AWS4-HMAC-SHA256 Signature=abc', ['x-amz-date']),
      'IncompleteSignatureException',
      "Authorization header requires 'Credential' parameter. Authorization header requires 'SignedHeaders' parameter. " +
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. " +
        'Authorization=AWS4-HMAC-SHA256 Signature=abc',
    );
    await rejects(
      withAuth('AWS4-HMAC-SHA256 AKID/20240501/us-east-1/logs/aws4_request, SignedHeaders=host, Signature=abc'),
      'IncompleteSignatureException',
      "'AKID/20240501/us-east-1/logs/aws4_request' not a valid key=value pair (missing equal-sign) in Authorization " +
        "header: 'AWS4-HMAC-SHA256 AKID/20240501/us-east-1/logs/aws4_request, SignedHeaders=host, Signature=abc'.",
    );
    await rejects(
      withAuth('AWS4-HMAC-SHA256 Credential=AKID/20240501/logs/aws4_request, SignedHeaders=host, Signature=abc'),
      'IncompleteSignatureException',
      "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'AKID/20240501/logs/aws4_request'",
    );
    await rejects(
      withAuth('AWS4-HMAC-SHA256 Credential=AKID/20240501/us-east-1/logs/aws5, SignedHeaders=host, Signature=abc'),
      'IncompleteSignatureException',
      "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5'.",
    );
    await rejects(withAuth('AWS4-HMAC-SHA512 Credential=x'), 'IncompleteSignatureException', "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512'");
    const noHost = request.headers['authorization']!.replace(/SignedHeaders=[^,]+/, 'SignedHeaders=x-amz-date');
    await rejects(withAuth(noHost), 'IncompleteSignatureException', "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  });

  it('accepts session credentials whose token is signed, and rejects an unsigned token', async () => {
    const request = await signWireRequest(logsCall, {
      service: 'logs',
      accessKeyId: 'AKIAROOTKEY000000001',
      secretAccessKey: 'root-secret',
      sessionToken: 'session-token-value',
      date: SIGNED_AT,
    });
    assert.equal(request.headers['x-amz-security-token'], 'session-token-value');
    const { caller } = await authenticate(request, strict, NOW);
    assert.equal(caller.accountId, '111111111111');

    const plain = await signAs('AKIAROOTKEY000000001', 'root-secret');
    const smuggled = withChanges(plain, { headers: { ...plain.headers, 'x-amz-security-token': 'x' } });
    await rejects(authenticate(smuggled, strict, NOW), 'IncompleteSignatureException', /X-Amz-Security-Token/);
  });

  it('accepts test/test only when enabled', async () => {
    const request = await signAs('test', 'test');
    await rejects(authenticate(request, strict, NOW), 'UnrecognizedClientException');
    const { caller } = await authenticate(request, { ...strict, acceptTestCredentials: true }, NOW);
    assert.equal(caller.arn, 'arn:aws:iam::000000000000:root');
    await rejects(authenticate(await signAs('test', 'nope'), { ...strict, acceptTestCredentials: true }, NOW), 'InvalidSignatureException');
  });
});

describe('authenticate (permissive)', () => {
  const permissive: AuthConfig = { ...strict, mode: 'permissive', defaultAccount: '000000000000' };

  it('accepts any secret and clock; a 12-digit key is its own account, others map to the default', async () => {
    const far = SIGNED_AT.getTime() + 365 * 24 * 3600_000;
    const own = await authenticate(await signAs('123456789012', 'whatever'), permissive, far);
    assert.equal(own.caller.accountId, '123456789012');
    assert.equal(own.caller.arn, 'arn:aws:iam::123456789012:root');
    const other = await authenticate(await signAs('AKIAANYTHING', 'whatever'), permissive, far);
    assert.equal(other.caller.accountId, '000000000000');
    assert.equal(other.caller.accessKeyId, 'AKIAANYTHING');
    assert.equal(other.caller.region, 'eu-west-1');
  });

  it('keeps the owner of a configured key', async () => {
    const { caller } = await authenticate(await signAs('AKIAUSERKEY000000001', 'not-checked'), permissive, NOW);
    assert.equal(caller.arn, 'arn:aws:iam::222222222222:user/alice');
  });

  it('still requires a well-formed SigV4 request', async () => {
    const request = await signAs('AKIAROOTKEY000000001', 'x');
    const { authorization: _dropped, ...headers } = request.headers;
    await rejects(authenticate(withChanges(request, { headers }), permissive, NOW), 'MissingAuthenticationTokenException');
    const broken = withChanges(request, { headers: { ...request.headers, authorization: 'AWS4-HMAC-SHA256 Signature=1' } });
    await rejects(authenticate(broken, permissive, NOW), 'IncompleteSignatureException');
  });
});
