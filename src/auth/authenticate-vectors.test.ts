import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { AuthConfig } from './auth-config.js';
import { authenticate } from './authenticate.js';
import { toWireRequest } from './testdata/sign-wire-request.js';

/** Published AWS SigV4 examples, so verification is checked against AWS's numbers and not only the SDK signer. */

const config: AuthConfig = {
  mode: 'strict',
  keys: new Map([['AKIDEXAMPLE', { secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', accountId: '123456789012' }]]),
  defaultAccount: '000000000000',
  acceptTestCredentials: false,
};
const NOW = Date.parse('2015-08-30T12:36:00Z');

it('verifies the SigV4 test suite get-vanilla request', async () => {
  const request = toWireRequest('GET', '/', {}, {
    host: 'example.amazonaws.com',
    'x-amz-date': '20150830T123600Z',
    authorization:
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, ' +
      'Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
  }, '');
  const { caller, signingName } = await authenticate(request, config, NOW);
  assert.equal(signingName, 'service');
  assert.equal(caller.accountId, '123456789012');
});

it('verifies the IAM ListUsers example from the SigV4 documentation', async () => {
  const request = toWireRequest('GET', '/', { Action: 'ListUsers', Version: '2010-05-08' }, {
    host: 'iam.amazonaws.com',
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    'x-amz-date': '20150830T123600Z',
    authorization:
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, ' +
      'SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
  }, '');
  const { signingName } = await authenticate(request, config, NOW);
  assert.equal(signingName, 'iam');
});
