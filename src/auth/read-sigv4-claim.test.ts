import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCredentialScope } from './read-sigv4-claim.js';
import { toWireRequest } from './testdata/sign-wire-request.js';

describe('parseCredentialScope', () => {
  it('reads the scope from the Authorization header without verifying anything', () => {
    const request = toWireRequest('POST', '/', {}, {
      authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20240501/eu-west-1/monitoring/aws4_request, SignedHeaders=host, Signature=00',
    }, '');
    assert.deepEqual(parseCredentialScope(request), {
      accessKeyId: 'AKID',
      date: '20240501',
      region: 'eu-west-1',
      service: 'monitoring',
    });
  });

  it('reads the scope from a presigned query string', () => {
    const request = toWireRequest('GET', '/', { 'X-Amz-Credential': 'AKID/20240501/us-east-1/sts/aws4_request' }, {}, '');
    assert.equal(parseCredentialScope(request)?.service, 'sts');
  });

  it('returns undefined for unsigned, bearer and malformed requests', () => {
    assert.equal(parseCredentialScope(toWireRequest('GET', '/', {}, {}, '')), undefined);
    assert.equal(parseCredentialScope(toWireRequest('GET', '/', {}, { authorization: 'Bearer abc' }, '')), undefined);
    const short = toWireRequest('GET', '/', {}, { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20240501/logs' }, '');
    assert.equal(parseCredentialScope(short), undefined);
  });
});
